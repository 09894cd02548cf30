using HdrHistogram;

namespace GameServer.LoadTest.Reporting;

/// <summary>Percentiles of one latency, in milliseconds.</summary>
public sealed class LatencySummary
{
    public long Count { get; init; }

    public double P50 { get; init; }

    public double P90 { get; init; }

    public double P99 { get; init; }

    public double Max { get; init; }

    /// <summary>Summarises a histogram recorded in microseconds.</summary>
    public static LatencySummary From(HistogramBase? micros)
    {
        if (micros is null || micros.TotalCount == 0)
        {
            return new LatencySummary();
        }

        return new LatencySummary
        {
            Count = micros.TotalCount,
            P50 = Milliseconds(micros.GetValueAtPercentile(50)),
            P90 = Milliseconds(micros.GetValueAtPercentile(90)),
            P99 = Milliseconds(micros.GetValueAtPercentile(99)),
            Max = Milliseconds(micros.GetMaxValue()),
        };
    }

    private static double Milliseconds(long micros) => Math.Round(micros / 1000.0, 3);
}
