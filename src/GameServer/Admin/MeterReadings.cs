using System.Diagnostics.Metrics;
using GameServer.Diagnostics;
using GameServer.Ticking;

namespace GameServer.Admin;

/// <summary>
/// Listens to this host's own "GameServer" instruments (not another host's in the same process: the meter's scope is
/// this host's meter factory) and keeps running totals of the counters the console plots, and each shard's last tick
/// durations. The counters' callbacks run where the measurement is made, so they only add; this runs only while the
/// console is on.
/// </summary>
internal sealed class MeterReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _factory;
    private readonly Dictionary<string, RunningTotal> _totals;

    public MeterReadings(IMeterFactory factory, TickLoop ticks, GatewayMetrics gateway)
    {
        _factory = factory;
        // Kept as totals by the gateway, which counts them on every message (observable counters: no events to listen to).
        BytesReceived = new RunningTotal(() => gateway.BytesReceived);
        BytesSent = new RunningTotal(() => gateway.BytesSent);
        TickDurations = new ShardTickDurations(ticks.ShardCount, ticks.TickRate);
        _totals = new Dictionary<string, RunningTotal>(StringComparer.Ordinal)
        {
            ["gameserver.deltas.dropped"] = DroppedDeltas,
            ["gameserver.resyncs"] = Resyncs,
            ["gameserver.joins.refused"] = RefusedJoins,
        };
        _listener.InstrumentPublished = Publish;
        _listener.SetMeasurementEventCallback<long>(static (_, value, _, state) => ((RunningTotal)state!).Add(value));
        _listener.SetMeasurementEventCallback<double>(static (_, seconds, tags, state) => ((ShardTickDurations)state!).Record(tags, seconds));
        _listener.Start();
    }

    public RunningTotal BytesReceived { get; }

    public RunningTotal BytesSent { get; }

    public RunningTotal DroppedDeltas { get; } = new();

    public RunningTotal Resyncs { get; } = new();

    public RunningTotal RefusedJoins { get; } = new();

    public ShardTickDurations TickDurations { get; }

    public void Dispose() => _listener.Dispose();

    private void Publish(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter.Scope, _factory) || instrument.Meter.Name != GameServerMeter.Name)
        {
            return;
        }

        if (_totals.TryGetValue(instrument.Name, out RunningTotal? total))
        {
            listener.EnableMeasurementEvents(instrument, total);
        }
        else if (instrument.Name == TickMetrics.DurationName)
        {
            listener.EnableMeasurementEvents(instrument, TickDurations);
        }
    }
}
