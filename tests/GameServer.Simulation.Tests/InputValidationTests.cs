using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

/// <summary>Property tests: whatever a client sends, the server's rules hold.</summary>
public sealed class InputValidationTests
{
    private const int Ticks = 400;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Step_HostileInputs_SpeedCooldownDeathAndSequencesHold(int seed)
    {
        ArenaRules rules = BrawlRules();
        Match match = Brawl(rules, seed);
        var inputs = new RandomInputs(seed);
        uint[] senders = [0, 1, 2, 3, 4, 5, 6, 9999];
        var expectedSequence = new uint[4];
        var lastShot = new long[] { -1000, -1000, -1000, -1000 };
        var previous = new WorldState();
        previous.CopyFrom(match.World);
        long maxStep = rules.MaxSpeed + 1;
        int kills = 0;

        for (int t = 0; t < Ticks; t++)
        {
            ReadOnlySpan<PlayerInput> tick = inputs.Next(senders, maxPerPlayer: 6);
            foreach (PlayerInput input in tick)
            {
                if (input.PlayerId is >= 1 and <= 3)
                {
                    expectedSequence[input.PlayerId] = Math.Max(expectedSequence[input.PlayerId], input.Input.Sequence);
                }
            }

            match.Step(tick);
            long now = match.World.Tick;
            foreach (GameEvent e in match.Events)
            {
                kills += e.Kind == GameEventKind.Kill ? 1 : 0;
            }

            for (uint id = 1; id <= 3; id++)
            {
                ref readonly EntityState before = ref previous.Get(id);
                ref readonly EntityState after = ref match.World.Get(id);
                Assert.Equal(expectedSequence[id], after.LastInputSequence);
                Assert.True(Arena.SpeedSquared(after) <= (long)rules.MaxSpeed * rules.MaxSpeed);
                if (Arena.IsAlive(before) && Arena.IsAlive(after))
                {
                    long dx = after.X - before.X;
                    long dy = after.Y - before.Y;
                    Assert.True((dx * dx) + (dy * dy) <= maxStep * maxStep, $"Player {id} moved ({dx}, {dy}) at tick {now}.");
                }
                else if (!Arena.IsAlive(before) && !Arena.IsAlive(after))
                {
                    Assert.Equal((before.X, before.Y, before.Aim), (after.X, after.Y, after.Aim));
                }
            }

            uint lastId = previous.Count > 0 ? previous.Entities[^1].Id : 0;
            foreach (ref readonly EntityState e in match.World.Entities)
            {
                if (e.Kind != EntityKind.Player)
                {
                    Assert.Equal(0u, e.LastInputSequence);
                }

                if (e.Kind == EntityKind.Projectile && e.Id > lastId)
                {
                    Assert.True(Arena.IsAlive(previous.Get(e.Aux)), $"Dead player {e.Aux} fired at tick {now}.");
                    Assert.True(now - lastShot[e.Aux] >= rules.FireCooldownTicks, $"Player {e.Aux} fired early at tick {now}.");
                    lastShot[e.Aux] = now;
                }
            }

            previous.CopyFrom(match.World);
        }

        Assert.True(lastShot[1] + lastShot[2] + lastShot[3] > 0, "The players should have fired.");
        Assert.True(kills > 0, "Someone should have died, so that the rules for the dead are exercised.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Step_OnePlayersInputs_NeverChangeAnotherExceptByProjectiles(int seed)
    {
        ArenaRules rules = BrawlRules();
        rules.MaxPickups = 0;
        Match match = Brawl(rules, seed);
        var inputs = new RandomInputs(seed);
        var previous = new WorldState();
        previous.CopyFrom(match.World);

        for (int t = 0; t < Ticks; t++)
        {
            uint nextId = match.NextEntityId;
            match.Step(inputs.Next([1], maxPerPlayer: 6));

            // With pickups off, every entity issued is a projectile of player 1, even one that hit within the step.
            int removedShots = ProjectilesOf(previous, 1) + (int)(match.NextEntityId - nextId) - ProjectilesOf(match.World, 1);

            for (uint id = 2; id <= 3; id++)
            {
                ref readonly EntityState before = ref previous.Get(id);
                ref readonly EntityState after = ref match.World.Get(id);
                Assert.Equal(0u, after.LastInputSequence);
                Assert.Equal(0, after.Score);
                Assert.Equal(0u, after.Aux);
                bool respawned = !Arena.IsAlive(before) && Arena.IsAlive(after);
                if (!respawned)
                {
                    Assert.Equal((before.X, before.Y, before.Aim), (after.X, after.Y, after.Aim));
                }

                if (after.Health < before.Health)
                {
                    Assert.True(removedShots > 0, $"Player {id} lost health at tick {match.World.Tick} with no projectile gone.");
                }
            }

            previous.CopyFrom(match.World);
        }
    }

    [Fact]
    public void Step_ManyInputsPerTick_NoFasterThanOne()
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 100, 150);
        Arena.Place(match, 2, 100, 1050);
        var flood = new List<PlayerInput>();
        uint sequence = 0;
        for (uint t = 1; t <= 40; t++)
        {
            flood.Clear();
            for (int i = 0; i < 20; i++)
            {
                flood.Add(Arena.Input(2, ++sequence, moveX: i % 2 == 0 ? 127 : -127, moveY: 127));
            }

            flood.Add(Arena.Input(2, ++sequence, moveX: 127));
            match.Step([Arena.Input(1, t, moveX: 127), .. flood]);
        }

        Assert.Equal(Arena.Entity(match, 1).X, Arena.Entity(match, 2).X);
    }

    /// <summary>Close quarters, fragile players and fast respawns, so deaths and respawns happen within a few hundred ticks.</summary>
    private static ArenaRules BrawlRules()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.ProjectileDamage = 50;
        rules.RespawnDelayTicks = 15;
        rules.SpawnProtectionTicks = 5;
        rules.MaxPickups = 3;
        rules.PickupSpawnIntervalTicks = 20;
        return rules;
    }

    private static Match Brawl(ArenaRules rules, int seed)
    {
        Match match = Arena.Running(3, rules, (ulong)seed);
        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, 2, 700, 650);
        Arena.Place(match, 3, 650, 520);
        return match;
    }

    private static int ProjectilesOf(WorldState world, uint owner)
    {
        int count = 0;
        foreach (ref readonly EntityState e in world.Entities)
        {
            count += e.Kind == EntityKind.Projectile && e.Aux == owner ? 1 : 0;
        }

        return count;
    }
}
