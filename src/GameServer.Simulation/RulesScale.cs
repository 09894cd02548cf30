namespace GameServer.Simulation;

/// <summary>
/// How every game's rules turn seconds and world units per second into ticks and position units per tick, and check
/// their settings: shared so that Arena and Tag round the same way at every tick rate.
/// </summary>
internal static class RulesScale
{
    /// <summary>The highest supported tick rate: above it the per-tick speeds round to almost nothing.</summary>
    public const int MaxTickRate = 240;

    /// <summary>A duration in whole ticks, rounded to nearest, at least 1.</summary>
    public static int Ticks(int milliseconds, int tickRate) => Math.Max(1, ((milliseconds * tickRate) + 500) / 1000);

    /// <summary>A speed in position units per tick, rounded to nearest, at least 1.</summary>
    public static int PerTick(int worldUnitsPerSecond, int tickRate) =>
        Math.Max(1, ((worldUnitsPerSecond * Quantization.PositionScale) + (tickRate / 2)) / tickRate);

    /// <summary>An acceleration in position units per tick per tick, rounded to nearest, at least 1.</summary>
    public static int PerTickSquared(int worldUnitsPerSecondSquared, int tickRate) =>
        Math.Max(1, ((worldUnitsPerSecondSquared * Quantization.PositionScale) + (tickRate * tickRate / 2)) / (tickRate * tickRate));

    /// <summary>Throws when a setting is out of range, naming the rules' type, the setting and the range it must be in.</summary>
    /// <exception cref="ArgumentException">The value is out of range.</exception>
    public static void Require(string rules, int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{rules}.{name} is {value}; set it between {min} and {max}.", name);
        }
    }
}
