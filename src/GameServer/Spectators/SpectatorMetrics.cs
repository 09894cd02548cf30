using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Spectators;

/// <summary>Instruments of the spectator feed, on the "GameServer" meter.</summary>
public sealed class SpectatorMetrics
{
    private readonly UpDownCounter<long> _connected;
    private readonly Counter<long> _eventsWritten;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _appended;
    private readonly Counter<long> _failed;

    public SpectatorMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(GameServerMeter.Name);
        _connected = meter.CreateUpDownCounter<long>("gameserver.spectators", description: "Connected SSE spectators.");
        _eventsWritten = meter.CreateCounter<long>("gameserver.spectators.events", description: "Events written to spectators (one per event per spectator).");
        _dropped = meter.CreateCounter<long>("gameserver.spectators.dropped", description: "Spectators disconnected because they fell out of the replay buffer.");
        _appended = meter.CreateCounter<long>("gameserver.feed.events", description: "Events appended to the spectator feed's log.");
        _failed = meter.CreateCounter<long>("gameserver.feed.events.failed", description: "Events skipped because they could not be written to the spectator feed.");
    }

    public void Connected() => _connected.Add(1);

    public void Disconnected() => _connected.Add(-1);

    public void EventWritten() => _eventsWritten.Add(1);

    public void Dropped() => _dropped.Add(1);

    public void Appended() => _appended.Add(1);

    public void EventFailed() => _failed.Add(1);

    /// <summary>Records a zero on every instrument, so each series exists from start.</summary>
    internal void RecordZeros()
    {
        _connected.Add(0);
        _eventsWritten.Add(0);
        _dropped.Add(0);
        _appended.Add(0);
        _failed.Add(0);
    }
}
