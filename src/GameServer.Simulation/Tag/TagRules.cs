using static GameServer.Simulation.RulesScale;

namespace GameServer.Simulation.Tag;

/// <summary>
/// The tunables of a Tag match, in ticks and wire units (positions in 1/16 world unit, speeds per tick). The defaults
/// are those of <see cref="ForTickRate(int)"/> at 30 ticks per second; a <see cref="TagMatch"/> takes a copy when it is
/// created, so changing an instance later does not change a running match.
/// </summary>
public sealed class TagRules
{
    /// <summary>The tick rate the parameterless constructor's defaults are for.</summary>
    public const int DefaultTickRate = 30;

    /// <summary>The highest supported tick rate.</summary>
    public const int MaxTickRate = RulesScale.MaxTickRate;

    /// <summary>The field's width in position units: 1000 world units.</summary>
    public const int Width = 1000 * Quantization.PositionScale;

    /// <summary>The field's height in position units: 700 world units.</summary>
    public const int Height = 700 * Quantization.PositionScale;

    /// <summary>Creates the defaults for <see cref="DefaultTickRate"/> ticks per second.</summary>
    public TagRules()
        : this(DefaultTickRate)
    {
    }

    private TagRules(int tickRate)
    {
        TickRate = tickRate;
        CountdownTicks = Ticks(3_000, tickRate);
        TimeLimitTicks = Ticks(90_000, tickRate);
        EndedTicks = Ticks(5_000, tickRate);
        ImmunityTicks = Ticks(1_500, tickRate);
        RunnerSpeed = PerTick(300, tickRate);
    }

    /// <summary>Ticks per second: a player not "it" scores one point per this many ticks. Default 30.</summary>
    public int TickRate { get; set; }

    /// <summary>Players needed to leave Waiting for Countdown. Default 2.</summary>
    public int MinPlayersToStart { get; set; } = 2;

    /// <summary>Length of the countdown before the match runs. Default 3 s (90 ticks).</summary>
    public int CountdownTicks { get; set; }

    /// <summary>Length of the running phase; 0 for no time limit. Default 90 s (2700 ticks).</summary>
    public int TimeLimitTicks { get; set; }

    /// <summary>How long the final standings show before the match closes. Default 5 s (150 ticks).</summary>
    public int EndedTicks { get; set; }

    /// <summary>How long a tagger (or a runner at the start, or a late joiner) cannot be tagged. Default 1.5 s (45 ticks).</summary>
    public int ImmunityTicks { get; set; }

    /// <summary>A player's radius in position units: two players touch when their centres are within two radii. Default 20 world units (320).</summary>
    public int PlayerRadius { get; set; } = 20 * Quantization.PositionScale;

    /// <summary>The speed of a player who is not "it", in position units per tick. Default 300 world units/s (160 at 30 Hz).</summary>
    public int RunnerSpeed { get; set; }

    /// <summary>How fast "it" runs, in percent of <see cref="RunnerSpeed"/>. Default 115.</summary>
    public int ItSpeedPercent { get; set; } = 115;

    /// <summary>The speed of "it", the fastest anyone moves: the velocity fields' range.</summary>
    public int MaxSpeed => RunnerSpeed * ItSpeedPercent / 100;

    /// <summary>The defaults for another tick rate: durations keep their seconds, speeds their world units per second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 1..240.</exception>
    public static TagRules ForTickRate(int tickRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickRate, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tickRate, MaxTickRate);
        return new TagRules(tickRate);
    }

    /// <summary>Throws when a value is out of its range, naming the setting and the range it must be in.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Check(TickRate, 1, MaxTickRate, nameof(TickRate));
        Check(MinPlayersToStart, 1, int.MaxValue, nameof(MinPlayersToStart));
        Check(CountdownTicks, 0, int.MaxValue, nameof(CountdownTicks));
        Check(TimeLimitTicks, 0, int.MaxValue, nameof(TimeLimitTicks));
        Check(EndedTicks, 0, int.MaxValue, nameof(EndedTicks));
        Check(ImmunityTicks, 0, int.MaxValue, nameof(ImmunityTicks));
        Check(PlayerRadius, 1, Height / 4, nameof(PlayerRadius));
        Check(ItSpeedPercent, 100, 200, nameof(ItSpeedPercent));

        // "It" moving more than a touch's reach in one tick could pass through a runner without ever touching it.
        Check(RunnerSpeed, 1, PlayerRadius * 2 * 100 / ItSpeedPercent, nameof(RunnerSpeed));
    }

    internal TagRules Clone() => (TagRules)MemberwiseClone();

    private static void Check(int value, int min, int max, string name) => Require(nameof(TagRules), value, min, max, name);
}
