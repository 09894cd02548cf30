using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagLifecycleTests
{
    [Fact]
    public void Step_FullLifecycle_WaitsCountsDownRunsEndsAndCloses()
    {
        var match = new TagMatch(7, 1, new TagRules { CountdownTicks = 3, TimeLimitTicks = 10, EndedTicks = 2 });
        uint first = match.AddPlayer("a");
        TagPlay.Idle(match, 5);
        Assert.Equal(MatchPhase.Waiting, match.Phase);
        Assert.Equal(0u, match.PhaseTicksLeft);

        uint second = match.AddPlayer("b");
        match.Step([]);
        Assert.Equal(MatchPhase.Countdown, match.Phase);
        Assert.Equal(3u, match.PhaseTicksLeft);
        TagPlay.Idle(match, 2);
        Assert.Equal(MatchPhase.Countdown, match.Phase);

        match.ClearEvents();
        match.Step([]);
        Assert.Equal(MatchPhase.Running, match.Phase);
        Assert.Equal(10u, match.PhaseTicksLeft);
        Assert.True(TagPlay.HasEvent(match, GameEventKind.MatchStarted, 0));
        Assert.Contains(TagPlay.It(match), new[] { first, second });

        TagPlay.Idle(match, 9);
        Assert.Equal(MatchPhase.Running, match.Phase);
        match.ClearEvents();
        match.Step([]);
        Assert.Equal(MatchPhase.Ended, match.Phase);
        Assert.Equal(2u, match.PhaseTicksLeft);
        Span<Standing> standings = new Standing[2];
        match.GetStandings(standings);
        Assert.True(TagPlay.HasEvent(match, GameEventKind.MatchEnded, standings[0].PlayerId));

        match.Step([]);
        Assert.False(match.IsClosed);
        match.Step([]);
        Assert.True(match.IsClosed);
        uint tick = match.Tick;
        match.Step([]);
        Assert.Equal(tick, match.Tick);
        Assert.Throws<InvalidOperationException>(() => match.AddPlayer("late"));
    }

    [Fact]
    public void Step_PlayerLeavesDuringCountdown_BackToWaiting()
    {
        var match = new TagMatch(1, 1, new TagRules { CountdownTicks = 10 });
        match.AddPlayer("a");
        uint b = match.AddPlayer("b");
        match.Step([]);
        Assert.Equal(MatchPhase.Countdown, match.Phase);

        match.RemovePlayer(b);
        match.Step([]);

        Assert.Equal(MatchPhase.Waiting, match.Phase);
        Assert.Equal(0u, match.PhaseTicksLeft);
    }

    [Fact]
    public void Step_WaitingAndCountdown_PlayersWarmUpButNobodyIsItOrScores()
    {
        var match = new TagMatch(1, 1, new TagRules { CountdownTicks = 100 });
        uint a = match.AddPlayer("a");
        match.AddPlayer("b");
        int x = match.Player(a).X;

        for (uint s = 1; s <= 60; s++)
        {
            match.Step([TagPlay.Input(a, s, moveX: x > 500 * TagPlay.U ? -127 : 127)]);
        }

        Assert.Equal(MatchPhase.Countdown, match.Phase);
        Assert.NotEqual(x, match.Player(a).X);
        var state = TagPlay.State(match);
        for (int i = 0; i < state.Count; i++)
        {
            Assert.Equal(0, state.ValuesAt(i)[TagSchema.It]);
            Assert.Equal(0, state.ValuesAt(i)[TagSchema.Score]);
        }
    }

    [Fact]
    public void Step_LoneSurvivorKeepsRunning_EmptyMatchEnds()
    {
        TagMatch match = TagPlay.Running(2);
        match.RemovePlayer(1);
        TagPlay.Idle(match, 3);
        Assert.Equal(MatchPhase.Running, match.Phase);
        Assert.Equal(2u, TagPlay.It(match));

        match.RemovePlayer(2);
        match.Step([]);

        Assert.Equal(MatchPhase.Ended, match.Phase);
    }

    [Fact]
    public void AddPlayer_WhileRunning_JoinsAsAnImmuneRunner()
    {
        TagMatch match = TagPlay.Running(2);

        uint late = match.AddPlayer("late");

        Assert.True(TagPlay.HasEvent(match, GameEventKind.PlayerJoined, late));
        TagPlayer player = match.Player(late);
        Assert.False(player.IsIt);
        Assert.Equal(new TagRules().ImmunityTicks, player.ImmuneTicks);
    }

    [Fact]
    public void StartRunning_ChoosesItByTheSeed_AndMakesTheOthersBrieflyImmune()
    {
        var chosen = new HashSet<uint>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var match = new TagMatch(1, seed, TagPlay.QuickRules());
            for (int p = 0; p < 4; p++)
            {
                match.AddPlayer("p" + p);
            }

            TagPlay.Idle(match, 2);
            Assert.Equal(MatchPhase.Running, match.Phase);
            uint it = TagPlay.It(match);
            chosen.Add(it);
            var state = TagPlay.State(match);
            for (int i = 0; i < state.Count; i++)
            {
                Assert.Equal(state.Ids[i] == it ? 0 : 1, state.ValuesAt(i)[TagSchema.Immune]);
            }
        }

        Assert.True(chosen.Count >= 3, $"Only players {string.Join(", ", chosen)} were ever chosen over 20 seeds.");
    }
}
