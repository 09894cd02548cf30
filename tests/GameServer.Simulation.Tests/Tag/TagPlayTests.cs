using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagPlayTests
{
    private static readonly TagRules s_rules = TagPlay.QuickRules();

    [Fact]
    public void Step_ItTouchesARunner_PassesItOnAndCountsTheTag()
    {
        TagMatch match = TagPlay.Running(2);
        uint it = TagPlay.It(match);
        uint runner = 3 - it;
        TagPlay.Place(match, it, 500, 350);
        TagPlay.Place(match, runner, 500 + 40, 350);
        match.ClearEvents();

        match.Step([]);

        Assert.Equal(runner, TagPlay.It(match));
        Assert.True(TagPlay.HasEvent(match, GameEventKind.Kill, it, runner));
        Assert.Equal(1, match.Player(it).Tags);
        Assert.Equal(s_rules.ImmunityTicks, match.Player(it).ImmuneTicks);
        Span<Standing> standings = new Standing[2];
        Assert.Equal(2, match.GetStandings(standings));
        Standing tagger = standings[0].PlayerId == it ? standings[0] : standings[1];
        Standing tagged = standings[0].PlayerId == it ? standings[1] : standings[0];
        Assert.Equal((1u, 0u), (tagger.Kills, tagger.Deaths));
        Assert.Equal((0u, 1u), (tagged.Kills, tagged.Deaths));
    }

    [Fact]
    public void Step_JustOutOfReach_NoTag()
    {
        TagMatch match = TagPlay.Running(2);
        uint it = TagPlay.It(match);
        TagPlay.Place(match, it, 500, 350);
        TagPlay.Place(match, 3 - it, 500, 350);
        match.Player(3 - it).Y += (2 * s_rules.PlayerRadius) + 1;

        match.Step([]);

        Assert.Equal(it, TagPlay.It(match));
    }

    [Fact]
    public void Step_TaggedTouchesTaggerAtOnce_ImmunityBlocksTheTagBackUntilItExpires()
    {
        TagMatch match = TagPlay.Running(2);
        uint first = TagPlay.It(match);
        uint second = 3 - first;
        TagPlay.Place(match, first, 500, 350);
        TagPlay.Place(match, second, 510, 350);
        match.Step([]);
        Assert.Equal(second, TagPlay.It(match));

        // Still touching: the tagger is immune for ImmunityTicks ticks, the tick of the tag included.
        TagPlay.Idle(match, s_rules.ImmunityTicks - 1);
        Assert.Equal(second, TagPlay.It(match));
        Assert.Equal(1, TagPlay.State(match).ValuesAt(TagPlay.State(match).IndexOf(first))[TagSchema.Immune]);

        match.ClearEvents();
        match.Step([]);
        Assert.Equal(first, TagPlay.It(match));
        Assert.True(TagPlay.HasEvent(match, GameEventKind.Kill, second, first));
    }

    [Fact]
    public void Step_SeveralInReach_TagsTheNearestOnlyOncePerTick()
    {
        TagMatch match = TagPlay.Running(3);
        uint it = TagPlay.It(match);
        uint near = it == 1 ? 3u : 1u;
        uint far = 6 - it - near;
        TagPlay.Place(match, it, 500, 350);
        TagPlay.Place(match, far, 530, 350);
        TagPlay.Place(match, near, 500, 330);

        match.Step([]);

        Assert.Equal(near, TagPlay.It(match));
        Assert.Equal(0, match.Player(far).TimesTagged);
    }

    [Fact]
    public void Step_RunnersScoreASecondAtATime_ItScoresNothing()
    {
        TagMatch match = TagPlay.Running(2);
        uint it = TagPlay.It(match);
        uint runner = 3 - it;
        TagPlay.Place(match, it, 100, 100);
        TagPlay.Place(match, runner, 900, 600);

        TagPlay.Idle(match, s_rules.TickRate - 1);
        Assert.Equal(0, match.Player(runner).Score);
        match.ClearEvents();
        match.Step([]);
        Assert.Equal(1, match.Player(runner).Score);
        Assert.Contains(match.Events.ToArray(), e => e.Kind == GameEventKind.ScoreChanged && e.Subject == runner && e.Value == 1);

        TagPlay.Idle(match, (2 * s_rules.TickRate) - 1);
        Assert.Equal(2, match.Player(runner).Score);
        Assert.Equal(0, match.Player(it).Score);
    }

    [Fact]
    public void RemovePlayer_ItLeaves_ThePrngPicksAnotherAmongThoseLeft()
    {
        TagMatch match = TagPlay.Running(4);
        uint it = TagPlay.It(match);

        match.RemovePlayer(it);

        Assert.True(TagPlay.HasEvent(match, GameEventKind.PlayerLeft, it));
        Assert.NotEqual(it, TagPlay.It(match));
        Assert.Equal(3, match.PlayerCount);
    }

    [Fact]
    public void Step_RunningIntoEdges_ClampsInsideTheFieldAndStops()
    {
        TagMatch match = TagPlay.Running(2);
        TagPlay.Place(match, 1, 22, 22);
        TagPlay.Place(match, 2, 978, 678);
        match.Player(1).ImmuneTicks = match.Player(2).ImmuneTicks = 1_000_000;

        match.Step([TagPlay.Input(1, 1, -127, -127), TagPlay.Input(2, 1, 127, 127)]);

        int r = s_rules.PlayerRadius;
        Assert.Equal((r, r, 0, 0), (match.Player(1).X, match.Player(1).Y, match.Player(1).Vx, match.Player(1).Vy));
        Assert.Equal((TagRules.Width - 1 - r, TagRules.Height - 1 - r, 0, 0), (match.Player(2).X, match.Player(2).Y, match.Player(2).Vx, match.Player(2).Vy));
    }

    [Fact]
    public void Step_FullStick_ItRunsFifteenPercentFaster_AndDiagonalsAreNoFaster()
    {
        TagMatch match = TagPlay.Running(2);
        uint it = TagPlay.It(match);
        uint runner = 3 - it;
        TagPlay.Place(match, it, 200, 200);
        TagPlay.Place(match, runner, 600, 400);

        match.Step([TagPlay.Input(it, 1, moveX: 127), TagPlay.Input(runner, 1, moveX: -127, moveY: -127)]);

        Assert.Equal(s_rules.MaxSpeed, match.Player(it).Vx);
        Assert.Equal(s_rules.RunnerSpeed * 115 / 100, s_rules.MaxSpeed);
        TagPlayer r = match.Player(runner);
        Assert.True(FixedMath.LengthSquared(r.Vx, r.Vy) <= (long)s_rules.RunnerSpeed * s_rules.RunnerSpeed);
        Assert.Equal((600 * TagPlay.U) + r.Vx, r.X);
    }

    [Fact]
    public void Step_HeldMovement_LastsUntilTheNextInput_AndStaleSequencesAreIgnored()
    {
        TagMatch match = TagPlay.Running(2);
        TagPlay.Place(match, 1, 500, 350);
        match.Player(1).ImmuneTicks = match.Player(2).ImmuneTicks = 1_000_000;
        TagPlay.Place(match, 2, 100, 100);

        match.Step([TagPlay.Input(1, 5, moveX: 127)]);
        match.Step([TagPlay.Input(1, 5, moveX: -127), TagPlay.Input(1, 4, moveY: 127)]);

        Assert.True(match.Player(1).Vx > 0);
        Assert.Equal(0, match.Player(1).Vy);
        Assert.Equal(5u, match.Player(1).LastSequence);
    }

    [Fact]
    public void Step_InputOfAnUnknownPlayer_IsIgnored()
    {
        TagMatch withStranger = TagPlay.Running(3, seed: 9);
        TagMatch without = TagPlay.Running(3, seed: 9);

        withStranger.Step([TagPlay.Input(99, 1, 127, 127), TagPlay.Input(2, 1, 50)]);
        without.Step([TagPlay.Input(2, 1, 50)]);

        Assert.Equal(without.ComputeHash(), withStranger.ComputeHash());
        withStranger.RemovePlayer(99);
        Assert.Equal(3, withStranger.PlayerCount);
    }

    [Fact]
    public void GetStandings_ScoreThenTagsThenId()
    {
        TagMatch match = TagPlay.Running(4);
        (int Score, int Tags)[] lines = [(5, 0), (7, 1), (5, 2), (7, 1)];
        for (uint id = 1; id <= 4; id++)
        {
            match.Player(id).Score = lines[id - 1].Score;
            match.Player(id).Tags = lines[id - 1].Tags;
        }

        Span<Standing> top = new Standing[3];
        Assert.Equal(3, match.GetStandings(top));

        Assert.Equal([2u, 4u, 3u], top.ToArray().Select(s => s.PlayerId));
    }
}
