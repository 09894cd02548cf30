namespace GameServer.Simulation;

/// <summary>
/// The tunables of an Arena match, in ticks and wire units (positions in 1/16 world unit, velocities per tick).
/// The defaults are those of <see cref="ForTickRate(int)"/> at 30 ticks per second; a <see cref="Match"/> takes a
/// copy when it is created, so changing an instance later does not change a running match.
/// </summary>
public sealed partial class ArenaRules
{
    /// <summary>The tick rate the parameterless constructor's defaults are for.</summary>
    public const int DefaultTickRate = 30;

    /// <summary>Creates the defaults for <see cref="DefaultTickRate"/> ticks per second.</summary>
    public ArenaRules()
        : this(DefaultTickRate)
    {
    }

    /// <summary>Ticks per second. Default 30.</summary>
    public int TickRate { get; set; }

    /// <summary>Players needed to leave Waiting for Countdown. Default 2.</summary>
    public int MinPlayersToStart { get; set; } = 2;

    /// <summary>Length of the countdown before the match runs. Default 3 s (90 ticks).</summary>
    public int CountdownTicks { get; set; }

    /// <summary>Length of the running phase; 0 for no time limit. Default 5 min (9000 ticks).</summary>
    public int TimeLimitTicks { get; set; }

    /// <summary>The score that ends the match as soon as a player reaches it; 0 for none. Default 200.</summary>
    public int ScoreLimit { get; set; } = 200;

    /// <summary>How long the final standings show before the match closes. Default 10 s (300 ticks).</summary>
    public int EndedTicks { get; set; }

    /// <summary>A player's collision half-size in position units (a square against walls, a circle against shots). Default 20 world units (320).</summary>
    public int PlayerRadius { get; set; } = 20 * Quantization.PositionScale;

    /// <summary>Top speed in position units per tick. Default 300 world units/s (160 at 30 Hz).</summary>
    public int MaxSpeed { get; set; }

    /// <summary>Velocity change per tick toward the input's direction. Default 1500 world units/s² (27 at 30 Hz): full speed in 0.2 s.</summary>
    public int Acceleration { get; set; }

    /// <summary>Velocity lost per tick with no movement input. Default 1200 world units/s² (21 at 30 Hz): a stop in 0.25 s.</summary>
    public int Friction { get; set; }

    /// <summary>Health of a fresh player. Default 100.</summary>
    public int MaxHealth { get; set; } = 100;

    /// <summary>Projectile speed in position units per tick. Default 900 world units/s (480 at 30 Hz).</summary>
    public int ProjectileSpeed { get; set; }

    /// <summary>How long a projectile flies before it vanishes. Default 1.2 s (36 ticks): a range of 1080 world units.</summary>
    public int ProjectileLifetimeTicks { get; set; }

    /// <summary>A projectile's collision radius in position units. Default 6 world units (96).</summary>
    public int ProjectileRadius { get; set; } = 6 * Quantization.PositionScale;

    /// <summary>Health a hit takes. Default 25: four hits kill.</summary>
    public int ProjectileDamage { get; set; } = 25;

    /// <summary>Least ticks between two shots of one player. Default 0.3 s (9 ticks).</summary>
    public int FireCooldownTicks { get; set; }

    /// <summary>
    /// How far back, at most, a shot is judged against the players as the shooter saw them (lag compensation); 0 turns
    /// it off. Default 200 ms (6 ticks at 30 Hz).
    /// </summary>
    public int LagCompensationTicks { get; set; }

    /// <summary>How long a dead player waits to respawn. Default 3 s (90 ticks).</summary>
    public int RespawnDelayTicks { get; set; }

    /// <summary>How long a spawned player takes no damage (firing ends it early). Default 2 s (60 ticks).</summary>
    public int SpawnProtectionTicks { get; set; }

    /// <summary>Points for a kill. Default 10.</summary>
    public int KillScore { get; set; } = 10;

    /// <summary>Points for a score orb. Default 5.</summary>
    public int OrbScore { get; set; } = 5;

    /// <summary>Health a health pickup restores, up to <see cref="MaxHealth"/>. Default 50.</summary>
    public int HealthPickupAmount { get; set; } = 50;

    /// <summary>A pickup's collision radius in position units. Default 12 world units (192).</summary>
    public int PickupRadius { get; set; } = 12 * Quantization.PositionScale;

    /// <summary>Ticks between two pickup spawns while running. Default 5 s (150 ticks).</summary>
    public int PickupSpawnIntervalTicks { get; set; }

    /// <summary>The most pickups on the map at once; 0 disables pickups. Default 6.</summary>
    public int MaxPickups { get; set; } = 6;
}
