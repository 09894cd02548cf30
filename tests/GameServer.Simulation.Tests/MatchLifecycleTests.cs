namespace GameServer.Simulation.Tests;

/// <summary>The lifecycle games share: each change is asked for once, on the tick it happens.</summary>
public sealed class MatchLifecycleTests
{
    [Fact]
    public void Advance_ThroughAWholeMatch_AsksToStartAndToEndOnce()
    {
        var lifecycle = new MatchLifecycle(minPlayersToStart: 2, countdownTicks: 2, timeLimitTicks: 3, endedTicks: 2);
        var seen = new List<(MatchPhase, uint, LifecycleChange)>();
        int[] players = [1, 2, 2, 2, 2, 2, 2, 2];
        foreach (int count in players)
        {
            LifecycleChange change = lifecycle.Advance(count);
            seen.Add((lifecycle.Phase, lifecycle.PhaseTicksLeft, change));
        }

        Assert.Equal(
        [
            (MatchPhase.Waiting, 0u, LifecycleChange.None),
            (MatchPhase.Countdown, 2u, LifecycleChange.None),
            (MatchPhase.Countdown, 1u, LifecycleChange.None),
            (MatchPhase.Running, 3u, LifecycleChange.Started),
            (MatchPhase.Running, 2u, LifecycleChange.None),
            (MatchPhase.Running, 1u, LifecycleChange.None),
            (MatchPhase.Ended, 2u, LifecycleChange.Ended),
            (MatchPhase.Ended, 1u, LifecycleChange.None),
        ], seen);
        Assert.False(lifecycle.IsClosed);
        lifecycle.Advance(2);
        Assert.True(lifecycle.IsClosed);
    }

    [Fact]
    public void Advance_TooFewInCountdown_WaitsAgain_AndNobodyLeftOrTheGamesOwnEnd_EndsARunningMatch()
    {
        var lifecycle = new MatchLifecycle(minPlayersToStart: 2, countdownTicks: 5, timeLimitTicks: 0, endedTicks: 0);
        lifecycle.Advance(2);
        lifecycle.Advance(1);
        Assert.Equal(MatchPhase.Waiting, lifecycle.Phase);

        var noCountdown = new MatchLifecycle(minPlayersToStart: 1, countdownTicks: 0, timeLimitTicks: 0, endedTicks: 0);
        Assert.Equal(LifecycleChange.Started, noCountdown.Advance(1));
        Assert.Equal(LifecycleChange.None, noCountdown.Advance(1));
        Assert.Equal(LifecycleChange.Ended, noCountdown.Advance(1, endNow: true));
        Assert.True(noCountdown.IsClosed);

        var abandoned = new MatchLifecycle(minPlayersToStart: 1, countdownTicks: 0, timeLimitTicks: 0, endedTicks: 3);
        abandoned.Advance(1);
        Assert.Equal(LifecycleChange.Ended, abandoned.Advance(0));
        Assert.Equal(MatchPhase.Ended, abandoned.Phase);
    }
}
