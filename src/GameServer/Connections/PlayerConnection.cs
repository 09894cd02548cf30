using System.Buffers;
using System.Net.WebSockets;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Security;

namespace GameServer.Connections;

/// <summary>
/// One player's session on a WebSocket: decodes and routes the messages its transport reads, and writes through the
/// transport's <see cref="IFrameSender"/>, the socket's only writer. It knows nothing of sockets or framing.
/// </summary>
public sealed partial class PlayerConnection
{
    private static readonly TimeSpan s_closeHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly GatewayServices _services;
    private readonly MessageRateLimiter _rateLimiter;
    private readonly string _id;
    private readonly JoinTicket? _ticket;

    // The seat the upgrade presented, until the first Join uses it.
    private string? _seat;
    private volatile MatchHost? _match;
    private volatile PlayerSlot? _slot;
    private volatile int _state;
    private int _invalidMessages;

    // A v2 Input's values, read on the transport's receive side (one reader at a time) and handed on as the game's input.
    private readonly int[] _inputValues = new int[Protocol.Schema.GameSchema.MaxInputFields];

    /// <summary>A match closed under this connection and no Join has come since: Inputs sent before the client knew are late, not invalid.</summary>
    private volatile bool _afterMatch;

    // A Join that came after the match's last frame but before the tick handed the connection back to the lobby.
    private readonly Lock _lobbyLock = new();
    private JoinMessage? _heldJoin;
    private int _closeReason = -1;

    // The close-handshake timer is made by whoever closes first and disposed when the connection ends, under this lock.
    private readonly Lock _closeTimerLock = new();
    private ITimer? _closeTimer;
    private bool _ended;

    // Runs from the upgrade to the first Join, and again from each match's close to the next Join.
    private ITimer? _joinTimer;

    /// <param name="sender">The socket's send side; the transport that owns it calls this connection's On* methods.</param>
    /// <param name="ticket">The join ticket the upgrade presented, when tickets are required: it fixes name and match.</param>
    /// <param name="seat">The seat reservation the upgrade presented (<c>?seat=</c>), untrusted until a Join claims it.</param>
    /// <param name="protocolVersion">The protocol version the upgrade chose: 1 or 2.</param>
    public PlayerConnection(IFrameSender sender, string id, GatewayServices services, JoinTicket? ticket = null, string? seat = null,
        int protocolVersion = ProtocolConstants.Version)
    {
        ProtocolVersion = protocolVersion;
        _seat = seat;
        Sender = sender;
        _id = id;
        _ticket = ticket;
        _services = services;
        GatewayOptions options = services.Options;
        _rateLimiter = new MessageRateLimiter(options.MessagesPerSecond, options.MessageBurst, options.FloodLimit,
            services.Time.TimestampFrequency, services.Time.GetTimestamp());
    }

    public IFrameSender Sender { get; }

    /// <summary>The protocol version the connection speaks, fixed by its subprotocol: 1, or 2 (schema-driven state and input).</summary>
    public int ProtocolVersion { get; }

    /// <summary>The bytes this connection moved, for the admin API.</summary>
    public PlayerTraffic Traffic { get; } = new();

    /// <summary>Who the join ticket says this is (its <c>sub</c>); null when tickets are not required.</summary>
    public string? Subject => _ticket?.PlayerId;

    public ConnectionState State => (ConnectionState)_state;

    public bool IsClosed => Volatile.Read(ref _closeReason) >= 0;

    /// <summary>Runs until the transport has ended: the peer or the server closed, or the socket failed.</summary>
    public async Task RunAsync()
    {
        _services.Metrics.ConnectionOpened();
        _joinTimer = _services.Time.CreateTimer(static state => ((PlayerConnection)state!).OnJoinTimeout(),
            this, _services.Options.JoinTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await Sender.Completion.ConfigureAwait(false);
        }
        finally
        {
            MarkClosed(CloseReason.Disconnected);
            _match?.Enqueue(new MatchCommand(MatchCommandKind.Disconnect, this));
            lock (_closeTimerLock)
            {
                _ended = true;
                _closeTimer?.Dispose();
                _joinTimer?.Dispose();
            }

            _services.Metrics.ConnectionClosed();
        }
    }

    /// <summary>One whole binary message from the peer, read by the transport on its thread.</summary>
    public void OnMessage(ReadOnlyMemory<byte> message)
    {
        if (IsClosed)
        {
            return;
        }

        _services.Metrics.Received(message.Length);
        Traffic.Received(message.Length);
        Handle(new ReadOnlySequence<byte>(message));
    }

    /// <summary>The peer broke the WebSocket protocol, or sent what this protocol does not take.</summary>
    public void OnViolation(CloseReason reason, WebSocketCloseStatus status, string description) => Close(reason, status, description);

    /// <summary>The peer sent its close frame; the transport answers it.</summary>
    public void OnPeerClosed() => MarkClosed(CloseReason.ClientClosed);

    /// <summary>The transport gave up on the socket (for example a peer that stopped answering).</summary>
    public void OnTransportFault(CloseReason reason) => MarkClosed(reason);

    /// <summary>A fault of the server's own while serving this connection: it ends with 1011, and only it.</summary>
    public void OnServerError(Exception exception)
    {
        LogServerError(_services.Logger, _id, exception);
        Close(CloseReason.ServerError, WebSocketCloseStatus.InternalServerError, "Internal server error.");
    }

    /// <summary>Closes with a status; the first reason given is the one counted and logged.</summary>
    private void Close(CloseReason reason, WebSocketCloseStatus status, string description)
    {
        if (!MarkClosed(reason))
        {
            return;
        }

        Sender.Close(status, description);

        // A peer that never answers the close handshake is cut off, so no connection outlives its close for long.
        lock (_closeTimerLock)
        {
            if (!_ended)
            {
                _closeTimer = _services.Time.CreateTimer(static state => ((IFrameSender)state!).Abort(), Sender, s_closeHandshakeTimeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Records why the connection ends, once: the first reason is the one counted and logged.</summary>
    private bool MarkClosed(CloseReason reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, (int)reason, -1) != -1)
        {
            return false;
        }

        _services.Metrics.Closing(reason);
        PlayerSlot? slot = _slot;
        LogClosing(_services.Logger, _id, slot?.Name, slot?.PlayerId, CloseReasons.Name(reason));
        return true;
    }

    private void OnJoinTimeout()
    {
        if (State == ConnectionState.Lobby && _match is null)
        {
            Close(CloseReason.JoinTimeout, WebSocketCloseStatus.PolicyViolation, "No Join arrived in time.");
        }
    }

    [LoggerMessage(EventId = 20, EventName = "ConnectionFailed", Level = LogLevel.Error, Message = "Connection {ConnectionId} failed on the server's side")]
    private static partial void LogServerError(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(EventId = 21, EventName = "ConnectionClosing", Level = LogLevel.Information,
        Message = "Connection {ConnectionId} of player {PlayerName} ({PlayerId}) closing: {Reason}")]
    private static partial void LogClosing(ILogger logger, string connectionId, string? playerName, uint? playerId, string reason);
}
