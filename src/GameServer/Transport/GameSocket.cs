using System.Buffers.Binary;
using System.Net.Sockets;
using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Transport.Epoll;
using GameServer.Transport.Uring;

namespace GameServer.Transport;

/// <summary>
/// A player's upgraded socket, driven the way perf/floor drives one: one read per readiness of its
/// <see cref="EpollLoop"/>, on the loop's thread, decoding every whole frame it finds in one pass; writes are
/// non-blocking sends issued by whoever has frames (the tick, mostly), queued only while the socket would block and
/// then sent as the loop sees it writable. RFC 6455 framing is done here, after a handshake done by
/// <see cref="UpgradeHandshake"/>.
/// </summary>
public sealed partial class GameSocket : IFrameSender, IReadinessHandler, IBatchedSocket
{
    private readonly EpollSocket _epoll;
    private readonly SafeSocketHandle _handle;
    private readonly GatewayServices _services;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PlayerConnection _connection = null!;
    private readonly KeepAliveSweep _keepAlive;
    private int _keepAliveSlice;

    // The keep-alive sweep's own state: the last receive a ping was sent after, and when.
    private long _pingedAfter = -1;
    private long _pingSent;
    private int _ended;

    // The round-trip probe: when the outstanding probe was sent (its payload; 0 when none), and the last round trip
    // measured (in timestamp units; -1 before the first).
    private long _probeSent;
    private long _roundTrip = -1;
    private long _bytesSent;

    internal GameSocket(EpollSocket socket, GatewayServices services, KeepAliveSweep keepAlive)
    {
        _keepAlive = keepAlive;
        _epoll = socket;
        socket.Socket.NoDelay = true;
        _handle = socket.Socket.SafeHandle;
        _services = services;
        _deltaCapacity = services.Options.OutboundQueueFrames;
    }

    public Task Completion => _completion.Task;

    public long BytesSent => Volatile.Read(ref _bytesSent);

    public TimeSpan? RoundTrip => Volatile.Read(ref _roundTrip) is long roundTrip and >= 0 ? _services.Time.GetElapsedTime(0, roundTrip) : null;

    /// <summary>Starts reading for <paramref name="connection"/>, which gets every message and the end.</summary>
    /// <param name="received">Bytes that came after the request head, read with it.</param>
    public void Start(PlayerConnection connection, ReadOnlySpan<byte> received)
    {
        _connection = connection;
        _lastReceived = _services.Time.GetTimestamp();
        _keepAliveSlice = _keepAlive.Add(this);
        // What came with the head may be more than the receive buffer holds (the head's buffer is larger): taken in
        // buffer-sized parts. Each pass frees room, since a whole frame of the largest message always fits, unless a
        // frame ended the reading; then the rest is not read.
        while (received.Length > 0 && _received < _receiveBuffer.Length && !_peerClosed && !_failed && Volatile.Read(ref _ended) == 0)
        {
            int part = Math.Min(received.Length, _receiveBuffer.Length - _received);
            received[..part].CopyTo(_receiveBuffer.AsSpan(_received));
            _received += part;
            received = received[part..];
            ReadFrames();
        }

        if (Volatile.Read(ref _ended) == 0)
        {
            _epoll.Run(this, EpollInterop.In);
        }
    }

    void IReadinessHandler.OnReady(uint events)
    {
        if ((events & EpollInterop.Out) != 0)
        {
            OnWritable();
        }

        if ((events & ~EpollInterop.Out) != 0)
        {
            Receive();
        }
    }

    public void Abort() => End();

    /// <summary>
    /// Pings a peer that has been silent for an interval, once, and drops one still silent a timeout after that ping.
    /// Any frame counts as an answer: a player sending inputs is never dropped for silence. Players in a match are
    /// also probed for their round trip.
    /// </summary>
    internal void CheckKeepAlive()
    {
        long lastReceived = Volatile.Read(ref _lastReceived);
        GatewayOptions options = _services.Options;
        if (_pingedAfter == lastReceived)
        {
            if (_services.Time.GetElapsedTime(_pingSent) >= options.KeepAliveTimeout)
            {
                _connection.OnTransportFault(CloseReason.KeepAliveTimeout);
                End();
            }
        }
        else if (_services.Time.GetElapsedTime(lastReceived) >= options.KeepAliveInterval)
        {
            _pingedAfter = lastReceived;
            _pingSent = _services.Time.GetTimestamp();
            SendControl(Protocol.WebSockets.WebSocketOpcode.Ping, []);
        }

        if (_connection.State == ConnectionState.Playing)
        {
            ProbeRoundTrip(options.KeepAliveInterval);
        }
    }

    /// <summary>
    /// Measures a player's round trip once a sweep, with a Ping whose payload is its send time: the peer must echo it
    /// in its Pong (RFC 6455 5.5.3), which <see cref="OnPong"/> matches. Players in a match are probed even while they
    /// send, unlike the keep-alive: a dozen pings a player a minute is the price of the RTT the admin console shows.
    /// A probe left unanswered for an interval is replaced.
    /// </summary>
    private void ProbeRoundTrip(TimeSpan interval)
    {
        long outstanding = Volatile.Read(ref _probeSent);
        if (outstanding != 0 && _services.Time.GetElapsedTime(outstanding) < interval)
        {
            return;
        }

        long now = _services.Time.GetTimestamp();
        Span<byte> payload = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(payload, now);
        Volatile.Write(ref _probeSent, now);
        SendControl(Protocol.WebSockets.WebSocketOpcode.Ping, payload);
    }

    /// <summary>A Pong from the peer (receive thread): the answer to the outstanding probe gives the round trip.</summary>
    private void OnPong(ReadOnlySpan<byte> payload)
    {
        long probe = Volatile.Read(ref _probeSent);
        if (probe != 0 && payload.Length == sizeof(long) && BinaryPrimitives.ReadInt64BigEndian(payload) == probe)
        {
            Volatile.Write(ref _roundTrip, _services.Time.GetTimestamp() - probe);
            Volatile.Write(ref _probeSent, 0);
        }
    }

    /// <summary>Closes the socket and releases what it holds; the first call wins.</summary>
    private void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _keepAlive.Remove(this, _keepAliveSlice);
        _epoll.Close();
        ReleaseQueue();
        _completion.TrySetResult();
    }
}
