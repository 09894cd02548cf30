using System.Diagnostics.Metrics;

namespace GameServer.Ticking;

/// <summary>The tick loop's instruments on the "GameServer" meter.</summary>
internal sealed class TickMetrics
{
    /// <summary>The name of the meter every GameServer instrument lives on.</summary>
    public const string MeterName = "GameServer";

    /// <summary>The tag that says which shard a measurement comes from.</summary>
    public const string ShardTagName = "gameserver.tick.shard";

    // Ticks last from microseconds to a few periods; the default buckets (0, 5, 10, 25... as plain numbers)
    // would put every tick of a healthy server in the first one.
    private static readonly double[] s_durationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.035, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Histogram<double> _tickDuration;
    private readonly Counter<long> _overruns;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _matchesFailed;

    public TickMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tickDuration = meter.CreateHistogram(
            "gameserver.tick.duration",
            unit: "s",
            description: "Time one shard took to run one tick of all its matches.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
        _overruns = meter.CreateCounter<long>(
            "gameserver.tick.overruns", unit: "{tick}", description: "Ticks that took longer than the tick period.");
        _skipped = meter.CreateCounter<long>(
            "gameserver.tick.skipped", unit: "{tick}", description: "Late ticks skipped because the shard was too far behind to catch up.");
        _matchesFailed = meter.CreateCounter<long>(
            "gameserver.matches.failed", unit: "{match}", description: "Matches dropped from the tick loop because their tick threw.");
    }

    /// <summary>Creates the tag that marks a shard's measurements; made once per shard so recording does not box.</summary>
    public static KeyValuePair<string, object?> CreateShardTag(int shardIndex) => new(ShardTagName, shardIndex);

    public void TickCompleted(TimeSpan duration, in KeyValuePair<string, object?> shardTag) =>
        _tickDuration.Record(duration.TotalSeconds, shardTag);

    public void TickOverran(in KeyValuePair<string, object?> shardTag) => _overruns.Add(1, shardTag);

    public void TicksSkipped(long count, in KeyValuePair<string, object?> shardTag) => _skipped.Add(count, shardTag);

    public void MatchFailed() => _matchesFailed.Add(1);
}
