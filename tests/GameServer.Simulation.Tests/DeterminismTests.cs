namespace GameServer.Simulation.Tests;

public sealed class DeterminismTests
{
    private const int Ticks = 10_000;

    [Fact]
    public void Step_SameSeedAndInputLog_SameHashAfter10000Ticks()
    {
        RunResult first = Run(matchSeed: 7, inputSeed: 99);
        RunResult second = Run(matchSeed: 7, inputSeed: 99);

        Assert.Equal(first.Hash, second.Hash);
        Assert.True(first.Kills > 0, "The log should exercise combat.");
        Assert.True(first.Pickups > 0, "The log should exercise pickups.");
    }

    [Fact]
    public void Step_DifferentSeed_DifferentHash()
    {
        Assert.NotEqual(Run(matchSeed: 7, inputSeed: 99).Hash, Run(matchSeed: 8, inputSeed: 99).Hash);
    }

    [Fact]
    public void Step_DefaultRulesFullLifecycle_SameHashAndCloses()
    {
        RunResult first = Run(matchSeed: 3, inputSeed: 4, new ArenaRules());
        RunResult second = Run(matchSeed: 3, inputSeed: 4, new ArenaRules());

        Assert.Equal(first.Hash, second.Hash);
        Assert.True(first.Closed);
    }

    private static RunResult Run(ulong matchSeed, int inputSeed, ArenaRules? rules = null)
    {
        rules ??= new ArenaRules { TimeLimitTicks = 0, ScoreLimit = 0 };
        var match = new Match(1, matchSeed, rules);
        var inputs = new RandomInputs(inputSeed);
        var ids = new List<uint>();
        for (int i = 0; i < 8; i++)
        {
            ids.Add(match.AddPlayer("bot" + i));
        }

        int kills = 0;
        int pickups = 0;
        for (int tick = 0; tick < Ticks && !match.IsClosed; tick++)
        {
            if (tick % 1500 == 1000)
            {
                // Churn: one leaves, another joins, as in a real match.
                match.RemovePlayer(ids[0]);
                ids.RemoveAt(0);
                ids.Add(match.AddPlayer("late" + tick));
            }

            match.Step(inputs.Next(ids.ToArray(), maxPerPlayer: 2));
            foreach (GameEvent e in match.Events)
            {
                kills += e.Kind == GameEventKind.Kill ? 1 : 0;
                pickups += e.Kind == GameEventKind.Pickup ? 1 : 0;
            }
        }

        return new RunResult(match.World.ComputeHash(), kills, pickups, match.IsClosed);
    }

    private readonly record struct RunResult(ulong Hash, int Kills, int Pickups, bool Closed);
}
