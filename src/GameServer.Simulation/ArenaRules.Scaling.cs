using static GameServer.Simulation.RulesScale;

namespace GameServer.Simulation;

public sealed partial class ArenaRules
{
    private ArenaRules(int tickRate)
    {
        TickRate = tickRate;
        CountdownTicks = Ticks(3_000, tickRate);
        TimeLimitTicks = Ticks(300_000, tickRate);
        EndedTicks = Ticks(10_000, tickRate);
        MaxSpeed = PerTick(300, tickRate);
        Acceleration = PerTickSquared(1_500, tickRate);
        Friction = PerTickSquared(1_200, tickRate);
        ProjectileSpeed = PerTick(900, tickRate);
        ProjectileLifetimeTicks = Ticks(1_200, tickRate);
        FireCooldownTicks = Ticks(300, tickRate);
        LagCompensationTicks = Ticks(200, tickRate);
        RespawnDelayTicks = Ticks(3_000, tickRate);
        SpawnProtectionTicks = Ticks(2_000, tickRate);
        PickupSpawnIntervalTicks = Ticks(5_000, tickRate);
    }

    /// <summary>The defaults for another tick rate: durations keep their seconds, speeds their world units per second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 1..240.</exception>
    public static ArenaRules ForTickRate(int tickRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickRate, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tickRate, MaxTickRate);
        return new ArenaRules(tickRate);
    }

    internal ArenaRules Clone() => (ArenaRules)MemberwiseClone();
}
