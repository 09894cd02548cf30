using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public void Step_FewerThanMinimumPlayers_StaysWaiting()
    {
        var match = new Match(7, 1, new ArenaRules());
        match.AddPlayer("a");

        Arena.Idle(match, 100);

        Assert.Equal(MatchPhase.Waiting, match.Phase);
        Assert.Equal(0u, match.World.PhaseTicksLeft);
        Assert.Equal(100u, match.World.Tick);
        Assert.Equal(7u, match.Id);
    }

    [Fact]
    public void Step_WaitingCountdownRunningEndedClosed_FullLifecycle()
    {
        var rules = new ArenaRules { CountdownTicks = 5, TimeLimitTicks = 20, EndedTicks = 4 };
        var match = new Match(1, 1, rules);
        match.AddPlayer("a");
        match.AddPlayer("b");

        match.Step([]);
        Assert.Equal(MatchPhase.Countdown, match.Phase);
        Assert.Equal(5u, match.World.PhaseTicksLeft);

        Arena.Idle(match, 4);
        Assert.Equal(MatchPhase.Countdown, match.Phase);
        Assert.Equal(1u, match.World.PhaseTicksLeft);
        match.Step([]);
        Assert.Equal(MatchPhase.Running, match.Phase);
        Assert.Equal(20u, match.World.PhaseTicksLeft);
        Assert.True(Arena.HasEvent(match, GameEventKind.MatchStarted, 0));

        Arena.Idle(match, 19);
        Assert.Equal(MatchPhase.Running, match.Phase);
        match.Step([]);
        Assert.Equal(MatchPhase.Ended, match.Phase);
        Assert.Equal(4u, match.World.PhaseTicksLeft);
        Assert.True(Arena.HasEvent(match, GameEventKind.MatchEnded, 1));

        Arena.Idle(match, 3);
        Assert.False(match.IsClosed);
        match.Step([]);
        Assert.True(match.IsClosed);
        Assert.Equal(MatchPhase.Ended, match.Phase);
    }

    [Fact]
    public void Step_PlayerLeavesDuringCountdown_BackToWaiting()
    {
        var match = new Match(1, 1, new ArenaRules());
        match.AddPlayer("a");
        uint b = match.AddPlayer("b");
        Arena.Idle(match, 10);
        Assert.Equal(MatchPhase.Countdown, match.Phase);

        match.RemovePlayer(b);
        match.Step([]);

        Assert.Equal(MatchPhase.Waiting, match.Phase);
        Assert.Equal(0u, match.World.PhaseTicksLeft);
    }

    [Fact]
    public void Step_ScoreLimitReached_EndsEarlyWithWinner()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.ScoreLimit = rules.KillScore;
        rules.TimeLimitTicks = 10_000;
        Match match = Arena.Running(2, rules);

        CombatTests.KillPlayer2(match);

        Assert.Equal(MatchPhase.Ended, match.Phase);
        Assert.True(Arena.HasEvent(match, GameEventKind.MatchEnded, 1));
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
    }

    [Fact]
    public void Step_Ended_NothingMovesOrFires()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.TimeLimitTicks = 2;
        rules.EndedTicks = 100;
        Match match = Arena.Running(1, rules);
        Arena.Idle(match, 2);
        Assert.Equal(MatchPhase.Ended, match.Phase);
        ulong hash = match.World.ComputeHash();
        int x = Arena.Entity(match, 1).X;

        match.Step([Arena.Input(1, 1, moveX: 127, fire: true)]);

        Assert.Equal(x, Arena.Entity(match, 1).X);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
        Assert.NotEqual(hash, match.World.ComputeHash());
        Assert.Equal(99u, match.World.PhaseTicksLeft);
    }

    [Fact]
    public void Step_EveryoneLeavesWhileRunning_EndsWithNoWinner()
    {
        Match match = Arena.Running(1);
        match.RemovePlayer(1);

        match.Step([]);

        Assert.Equal(MatchPhase.Ended, match.Phase);
        Assert.True(Arena.HasEvent(match, GameEventKind.MatchEnded, 0));
    }

    [Fact]
    public void Step_Closed_DoesNothing()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.TimeLimitTicks = 1;
        rules.EndedTicks = 1;
        Match match = Arena.Running(1, rules);
        Arena.Idle(match, 2);
        Assert.True(match.IsClosed);
        uint tick = match.World.Tick;
        match.ClearEvents();

        match.Step([]);

        Assert.Equal(tick, match.World.Tick);
        Assert.Equal(0, match.Events.Length);
    }

    [Fact]
    public void AddPlayer_ClosedMatch_Throws()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.TimeLimitTicks = 1;
        rules.EndedTicks = 0;
        Match match = Arena.Running(1, rules);
        match.Step([]);
        Assert.True(match.IsClosed);

        Assert.Throws<InvalidOperationException>(() => match.AddPlayer("late"));
    }

    [Fact]
    public void Step_RunningStarts_ResetsAndSpawnsEveryoneWithFullHealth()
    {
        var rules = new ArenaRules { CountdownTicks = 3 };
        var match = new Match(1, 3, rules);
        uint a = match.AddPlayer("a");
        uint b = match.AddPlayer("b");
        Arena.Entity(match, a).Health = 10;

        Arena.Idle(match, 4);

        Assert.Equal(MatchPhase.Running, match.Phase);
        foreach (uint id in new[] { a, b })
        {
            ref EntityState e = ref Arena.Entity(match, id);
            Assert.Equal(rules.MaxHealth, e.Health);
            Assert.Equal(EntityFlags.Alive | EntityFlags.SpawnProtected, e.Flags);
            Assert.Contains(new MapPoint(e.X, e.Y), ArenaMap.SpawnPoints.ToArray());
        }
    }
}
