namespace GameServer.LoadTest.Reporting;

/// <summary>Deltas per second per bot over the measurement window: the mean, and the slowest bot's.</summary>
public sealed class DeltaRate
{
    public double Mean { get; init; }

    public double Min { get; init; }
}
