using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Ticking;

/// <summary>The tick loop's instruments on the "GameServer" meter.</summary>
internal sealed class TickMetrics
{
    /// <summary>The tag that says which shard a measurement comes from.</summary>
    public const string ShardTagName = "gameserver.tick.shard";

    /// <summary>The tick duration histogram's instrument name.</summary>
    public const string DurationName = "gameserver.tick.duration";

    /// <summary>
    /// The tick duration histogram's bucket bounds, in seconds: the one list both the instrument's advice and the
    /// Prometheus export's view use. Ticks last from microseconds to a few periods, with bounds close around the
    /// periods of 60, 30 and 20 ticks a second (17, 33 and 50 ms); the default buckets (0, 5, 10, 25... as plain
    /// numbers) would put every tick of a healthy server in the first one.
    /// </summary>
    public static IReadOnlyList<double> DurationBuckets { get; } =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.03, 0.035, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Meter _meter;
    private readonly Histogram<double> _tickDuration;
    private readonly Counter<long> _overruns;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _matchesFailed;

    public TickMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GameServerMeter.Name);
        _meter = meter;
        _tickDuration = meter.CreateHistogram(
            DurationName,
            unit: "s",
            description: "Time one shard took to run one tick of all its matches.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _overruns = meter.CreateCounter<long>(
            "gameserver.tick.overruns", unit: "{tick}", description: "Ticks that took longer than the tick period.");
        _skipped = meter.CreateCounter<long>(
            "gameserver.tick.skipped", unit: "{tick}", description: "Late ticks skipped because the shard was too far behind to catch up.");
        _matchesFailed = meter.CreateCounter<long>(
            "gameserver.matches.failed", unit: "{match}", description: "Matches dropped from the tick loop because their tick threw.");
    }

    /// <summary>Publishes each shard's <see cref="TickShard.RecentBusyPercent"/>, the admission's signal, as a ratio read at each collection.</summary>
    public void ObserveBusy(IReadOnlyList<TickShard> shards) => _meter.CreateObservableGauge(
        "gameserver.tick.busy",
        () => shards.Select(shard => new Measurement<double>(shard.RecentBusyPercent / 100.0, CreateShardTag(shard.Index))),
        unit: "1",
        description: "Share of its period a shard spent in its ticks over the last 3 s (over 1 when it falls behind).");

    /// <summary>Creates the tag that marks a shard's measurements; made once per shard so recording does not box.</summary>
    public static KeyValuePair<string, object?> CreateShardTag(int shardIndex) => new(ShardTagName, shardIndex);

    public void TickCompleted(TimeSpan duration, in KeyValuePair<string, object?> shardTag) =>
        _tickDuration.Record(duration.TotalSeconds, shardTag);

    public void TickOverran(in KeyValuePair<string, object?> shardTag) => _overruns.Add(1, shardTag);

    public void TicksSkipped(long count, in KeyValuePair<string, object?> shardTag) => _skipped.Add(count, shardTag);

    public void MatchFailed() => _matchesFailed.Add(1);

    /// <summary>Records a zero on each counter, per shard where it is per shard, so each series exists from start.</summary>
    public void RecordZeros(int shardCount)
    {
        for (var i = 0; i < shardCount; i++)
        {
            var shardTag = CreateShardTag(i);
            _overruns.Add(0, shardTag);
            _skipped.Add(0, shardTag);
        }

        _matchesFailed.Add(0);
    }
}
