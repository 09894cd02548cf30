namespace GameServer.Simulation;

public sealed partial class ArenaRules
{
    /// <summary>The highest supported tick rate: above it the per-tick speeds round to almost nothing.</summary>
    public const int MaxTickRate = RulesScale.MaxTickRate;

    /// <summary>Throws when a value is out of its range, naming the setting and the range it must be in.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(TickRate, 1, MaxTickRate, nameof(TickRate));
        Require(MinPlayersToStart, 1, int.MaxValue, nameof(MinPlayersToStart));
        Require(CountdownTicks, 0, int.MaxValue, nameof(CountdownTicks));
        Require(TimeLimitTicks, 0, int.MaxValue, nameof(TimeLimitTicks));
        Require(ScoreLimit, 0, int.MaxValue, nameof(ScoreLimit));
        Require(EndedTicks, 0, int.MaxValue, nameof(EndedTicks));
        Require(PlayerRadius, 1, ArenaMap.SpawnClearance, nameof(PlayerRadius));

        // Anything moving further than the thinnest wall in one collision check could pass through it.
        Require(MaxSpeed, 1, ArenaMap.MinWallThickness - 1, nameof(MaxSpeed));
        Require(Acceleration, 1, int.MaxValue, nameof(Acceleration));
        Require(Friction, 0, int.MaxValue, nameof(Friction));
        Require(MaxHealth, 1, 1_000_000, nameof(MaxHealth));
        Require(ProjectileSpeed, 1, ArenaMap.Width, nameof(ProjectileSpeed));
        Require(ProjectileLifetimeTicks, 1, int.MaxValue, nameof(ProjectileLifetimeTicks));
        Require(ProjectileRadius, 0, ArenaMap.MinWallThickness / 2, nameof(ProjectileRadius));
        Require(ProjectileDamage, 0, 1_000_000, nameof(ProjectileDamage));
        Require(FireCooldownTicks, 1, int.MaxValue, nameof(FireCooldownTicks));
        // A second of history is far beyond any playable latency; the bound keeps a hostile view from reaching further.
        Require(LagCompensationTicks, 0, TickRate, nameof(LagCompensationTicks));
        Require(RespawnDelayTicks, 0, int.MaxValue, nameof(RespawnDelayTicks));
        Require(SpawnProtectionTicks, 0, int.MaxValue, nameof(SpawnProtectionTicks));
        Require(KillScore, 0, 1_000_000, nameof(KillScore));
        Require(OrbScore, 0, 1_000_000, nameof(OrbScore));
        Require(HealthPickupAmount, 0, 1_000_000, nameof(HealthPickupAmount));
        Require(PickupRadius, 0, ArenaMap.MinWallThickness, nameof(PickupRadius));
        Require(PickupSpawnIntervalTicks, 1, int.MaxValue, nameof(PickupSpawnIntervalTicks));
        Require(MaxPickups, 0, 1_000, nameof(MaxPickups));
    }

    private static void Require(int value, int min, int max, string name) => RulesScale.Require(nameof(ArenaRules), value, min, max, name);
}
