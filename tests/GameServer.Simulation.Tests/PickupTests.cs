using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class PickupTests
{
    [Fact]
    public void Step_ScoreOrbTouched_CollectedScoredAndAnnounced()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);
        match.SpawnPickup(PickupKind.ScoreOrb, 610 * Arena.U, 600 * Arena.U);

        match.Step([]);

        Assert.Equal(0, Arena.CountKind(match, EntityKind.Pickup));
        Assert.Equal(match.Rules.OrbScore, Arena.Entity(match, 1).Score);
        Assert.True(Arena.HasEvent(match, GameEventKind.Pickup, 1, 0, (int)PickupKind.ScoreOrb));
        Assert.True(Arena.HasEvent(match, GameEventKind.ScoreChanged, 1, 0, match.Rules.OrbScore));
    }

    [Fact]
    public void Step_PickupOutOfReach_StaysOnMap()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);
        match.SpawnPickup(PickupKind.ScoreOrb, 640 * Arena.U, 600 * Arena.U);

        match.Step([]);

        Assert.Equal(1, Arena.CountKind(match, EntityKind.Pickup));
        Assert.Equal(0, Arena.Entity(match, 1).Score);
    }

    [Fact]
    public void Step_HealthPickupAtFullHealth_LeftForSomeoneWhoNeedsIt()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);
        match.SpawnPickup(PickupKind.Health, 600 * Arena.U, 600 * Arena.U);

        match.Step([]);

        Assert.Equal(1, Arena.CountKind(match, EntityKind.Pickup));
        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, 1).Health);
    }

    [Theory]
    [InlineData(90, 100)]
    [InlineData(30, 80)]
    public void Step_HealthPickupWhenDamaged_HealsUpToMax(int health, int expected)
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);
        Arena.Entity(match, 1).Health = health;
        match.SpawnPickup(PickupKind.Health, 600 * Arena.U, 600 * Arena.U);

        match.Step([]);

        Assert.Equal(0, Arena.CountKind(match, EntityKind.Pickup));
        Assert.Equal(expected, Arena.Entity(match, 1).Health);
        Assert.True(Arena.HasEvent(match, GameEventKind.Pickup, 1, 0, (int)PickupKind.Health));
    }

    [Fact]
    public void Step_DeadPlayer_CollectsNothing()
    {
        Match match = Arena.Running(2);
        CombatTests.KillPlayer2(match);
        ref EntityState dead = ref Arena.Entity(match, 2);
        match.SpawnPickup(PickupKind.ScoreOrb, dead.X, dead.Y);

        match.Step([]);

        Assert.Equal(1, Arena.CountKind(match, EntityKind.Pickup));
    }

    [Fact]
    public void Step_RunningLong_SpawnsPickupsAtIntervalsUpToMaxClearOfWalls()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.MaxPickups = 5;
        rules.PickupSpawnIntervalTicks = 10;
        Match match = Arena.Running(1, rules);
        Arena.Place(match, 1, 1000, 100);

        Arena.Idle(match, 9);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Pickup));
        match.Step([]);
        Assert.Equal(1, Arena.CountKind(match, EntityKind.Pickup));

        Arena.Idle(match, 200);
        Assert.Equal(5, Arena.CountKind(match, EntityKind.Pickup));
        foreach (EntityState e in match.World.Entities)
        {
            if (e.Kind == EntityKind.Pickup)
            {
                Assert.False(ArenaMap.IsBlocked(e.X, e.Y, rules.PickupRadius));
                Assert.True(e.Aux is (uint)PickupKind.Health or (uint)PickupKind.ScoreOrb);
            }
        }
    }

    [Fact]
    public void Step_BeforeRunning_NoPickupsSpawn()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.MaxPickups = 5;
        rules.PickupSpawnIntervalTicks = 1;
        rules.MinPlayersToStart = 2;
        var match = new Match(1, 1, rules);
        match.AddPlayer("alone");

        Arena.Idle(match, 50);

        Assert.Equal(MatchPhase.Waiting, match.Phase);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Pickup));
    }
}
