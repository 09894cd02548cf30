using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Replays;

/// <summary>Instruments of the flight recorder, on the "GameServer" meter.</summary>
public sealed class ReplayMetrics
{
    private static readonly KeyValuePair<string, object?> s_sizeLimit = new("reason", "size-limit");
    private static readonly KeyValuePair<string, object?> s_queueFull = new("reason", "queue-full");
    private static readonly KeyValuePair<string, object?> s_ioError = new("reason", "io-error");

    private readonly Counter<long> _dropped;
    private readonly Counter<long> _recorded;

    public ReplayMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(GameServerMeter.Name);
        _dropped = meter.CreateCounter<long>("gameserver.replay.dropped", description: "Match recordings stopped early, by reason (size-limit: kept up to the bound; queue-full, io-error: deleted).");
        _recorded = meter.CreateCounter<long>("gameserver.replay.recorded", description: "Replay files completed.");
    }

    /// <summary>A zero on each series, so /metrics shows them from the first scrape (see MetricSeriesWarmUp).</summary>
    internal void RecordZeros()
    {
        _recorded.Add(0);
        _dropped.Add(0, s_sizeLimit);
        _dropped.Add(0, s_queueFull);
        _dropped.Add(0, s_ioError);
    }

    public void Recorded() => _recorded.Add(1);

    public void SizeLimitReached() => _dropped.Add(1, s_sizeLimit);

    public void QueueFull() => _dropped.Add(1, s_queueFull);

    public void WriteFailed() => _dropped.Add(1, s_ioError);
}
