using System.Diagnostics.Metrics;

namespace GameServer.Diagnostics;

/// <summary>Instruments of the player gateway and the matches' fan-out, on the "GameServer" meter.</summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter's name: <see cref="GameServerMeter.Name"/>.</summary>
    public const string MeterName = GameServerMeter.Name;

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _joins;
    private readonly Counter<long> _joinsRefused;
    private readonly Counter<long> _droppedDeltas;
    private readonly Counter<long> _resyncs;
    private readonly Counter<long> _droppedMessages;
    private readonly Counter<long> _closes;

    // Counted on every message and every send: plain totals, observed when the meter is read. A Counter's Add runs
    // every listener's aggregation each time, about 2 % of the server's CPU at 1000 players (perf/RESULTS.md).
    private long _messagesIn;
    private long _bytesIn;
    private long _messagesOut;
    private long _bytesOut;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("gameserver.connections", description: "Open player WebSocket connections.");
        _joins = meter.CreateCounter<long>("gameserver.joins", description: "Players who joined or resumed a match.");
        _joinsRefused = meter.CreateCounter<long>("gameserver.joins.refused",
            description: "Upgrades and POST /matchmaking turned away because the node took no players (full, overrunning, stopping or draining).");
        meter.CreateObservableCounter("gameserver.messages.received", () => Volatile.Read(ref _messagesIn), description: "Messages received from players.");
        meter.CreateObservableCounter("gameserver.bytes.received", () => BytesReceived, unit: "By", description: "Bytes of messages received from players.");
        meter.CreateObservableCounter("gameserver.messages.sent", () => Volatile.Read(ref _messagesOut), description: "Messages sent to players.");
        meter.CreateObservableCounter("gameserver.bytes.sent", () => BytesSent, unit: "By", description: "Bytes of messages sent to players.");
        _droppedDeltas = meter.CreateCounter<long>("gameserver.deltas.dropped", description: "Deltas not queued for a player whose outbound queue was full.");
        _resyncs = meter.CreateCounter<long>("gameserver.resyncs", description: "Snapshots sent to players who had fallen behind.");
        _droppedMessages = meter.CreateCounter<long>("gameserver.messages.dropped", description: "Player messages dropped by the rate limit or a full input queue.");
        _closes = meter.CreateCounter<long>("gameserver.closes", description: "Player connections closed, by reason.");
    }

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    /// <summary>Counts the moment a connection's end is decided, by the server or seen from the peer.</summary>
    public void Closing(CloseReason reason) =>
        _closes.Add(1, new KeyValuePair<string, object?>("reason", CloseReasons.Name(reason)));

    public void Joined() => _joins.Add(1);

    /// <summary>A newcomer turned away by admission, at the upgrade or at POST /matchmaking.</summary>
    public void JoinRefused() => _joinsRefused.Add(1);

    /// <summary>Bytes of messages received from players so far.</summary>
    public long BytesReceived => Volatile.Read(ref _bytesIn);

    /// <summary>Bytes sent to players so far, WebSocket headers included.</summary>
    public long BytesSent => Volatile.Read(ref _bytesOut);

    public void Received(int bytes)
    {
        Interlocked.Increment(ref _messagesIn);
        Interlocked.Add(ref _bytesIn, bytes);
    }

    /// <summary>Counts what reached the socket: WebSocket messages and their bytes on the wire, headers included.</summary>
    public void Sent(int messages, int bytes)
    {
        Interlocked.Add(ref _messagesOut, messages);
        Interlocked.Add(ref _bytesOut, bytes);
    }

    public void DeltaDropped() => _droppedDeltas.Add(1);

    public void Resynced() => _resyncs.Add(1);

    public void MessageDropped() => _droppedMessages.Add(1);

    /// <summary>Records a zero on every instrument, and on the closes of every reason, so each series exists from start.</summary>
    internal void RecordZeros()
    {
        _connections.Add(0);
        _joins.Add(0);
        _joinsRefused.Add(0);
        _droppedDeltas.Add(0);
        _resyncs.Add(0);
        _droppedMessages.Add(0);
        foreach (CloseReason reason in Enum.GetValues<CloseReason>())
        {
            _closes.Add(0, new KeyValuePair<string, object?>("reason", CloseReasons.Name(reason)));
        }
    }
}
