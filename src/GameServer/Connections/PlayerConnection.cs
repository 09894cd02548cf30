using System.Buffers;
using System.Net.WebSockets;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Security;

namespace GameServer.Connections;

/// <summary>
/// One player's WebSocket: a receive loop that decodes and routes the client's messages, and an
/// <see cref="IFrameSender"/> that is the socket's only writer. Idle, it holds no receive buffer.
/// </summary>
public sealed partial class PlayerConnection
{
    private static readonly TimeSpan s_closeHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly GatewayServices _services;
    private readonly MessageRateLimiter _rateLimiter;
    private readonly string _id;
    private readonly JoinTicket? _ticket;
    private volatile MatchHost? _match;
    private volatile PlayerSlot? _slot;
    private volatile int _state;
    private int _invalidMessages;

    /// <summary>A match closed under this connection and no Join has come since: Inputs sent before the client knew are late, not invalid.</summary>
    private volatile bool _afterMatch;
    private int _closeReason = -1;
    private ITimer? _closeTimer;

    /// <param name="ticket">The join ticket the upgrade presented, when tickets are required: it fixes name and match.</param>
    public PlayerConnection(WebSocket socket, string id, GatewayServices services, JoinTicket? ticket = null)
    {
        _socket = socket;
        _id = id;
        _ticket = ticket;
        _services = services;
        GatewayOptions options = services.Options;
        Sender = options.SendPath == SendPath.Inline
            ? new InlineFrameSender(socket, options.OutboundQueueFrames, services.Metrics.Sent)
            : new ChannelFrameSender(socket, options.OutboundQueueFrames, services.Metrics.Sent);
        _rateLimiter = new MessageRateLimiter(options.MessagesPerSecond, options.MessageBurst, options.FloodLimit,
            services.Time.TimestampFrequency, services.Time.GetTimestamp());
    }

    public IFrameSender Sender { get; }

    public ConnectionState State => (ConnectionState)_state;

    public bool IsClosed => Volatile.Read(ref _closeReason) >= 0;

    /// <summary>Runs the connection until the peer or the server ends it.</summary>
    public async Task RunAsync(CancellationToken aborted)
    {
        _services.Metrics.ConnectionOpened();
        using ITimer joinTimer = _services.Time.CreateTimer(static state => ((PlayerConnection)state!).OnJoinTimeout(),
            this, _services.Options.JoinTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await ReceiveLoopAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            MarkClosed(CloseReason.Disconnected);
        }
        finally
        {
            MarkClosed(CloseReason.Disconnected);
            _match?.Enqueue(new MatchCommand(MatchCommandKind.Disconnect, this));
            Sender.Close(WebSocketCloseStatus.NormalClosure, string.Empty);
            await Sender.Completion.ConfigureAwait(false);
            _closeTimer?.Dispose();
            _services.Metrics.ConnectionClosed();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken aborted)
    {
        const int Capacity = ProtocolConstants.MaxClientMessageBytes + 1;
        while (!IsClosed)
        {
            // A zero-byte read waits for data without holding a buffer, as SignalR's WebSocket transport does.
            ValueWebSocketReceiveResult peek = await _socket.ReceiveAsync(Memory<byte>.Empty, aborted).ConfigureAwait(false);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                MarkClosed(CloseReason.ClientClosed);
                return;
            }

            byte[] buffer = ArrayPool<byte>.Shared.Rent(Capacity);
            try
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length, Capacity - length), aborted).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        MarkClosed(CloseReason.ClientClosed);
                        return;
                    }

                    length += result.Count;
                    if (length > ProtocolConstants.MaxClientMessageBytes)
                    {
                        Close(CloseReason.TooBig, WebSocketCloseStatus.MessageTooBig, "A message may have at most 1024 bytes.");
                        break;
                    }
                }
                while (!result.EndOfMessage);

                if (IsClosed)
                {
                    break;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Close(CloseReason.TextMessage, WebSocketCloseStatus.InvalidMessageType, "Only binary messages are accepted.");
                    break;
                }

                _services.Metrics.Received(length);
                Handle(new ReadOnlySequence<byte>(buffer, 0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        await AwaitPeerCloseAsync(aborted).ConfigureAwait(false);
    }

    /// <summary>After the server closed, lets the peer answer the close handshake, reading and discarding until it does.</summary>
    private async Task AwaitPeerCloseAsync(CancellationToken aborted)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            while (_socket.State == WebSocketState.CloseSent || _socket.State == WebSocketState.Open)
            {
                ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(scratch.AsMemory(), aborted).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
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
        _closeTimer = _services.Time.CreateTimer(static state => ((WebSocket)state!).Abort(), _socket, s_closeHandshakeTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Records why the connection ends, once: the first reason is the one counted and logged.</summary>
    private bool MarkClosed(CloseReason reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, (int)reason, -1) != -1)
        {
            return false;
        }

        _services.Metrics.Closing(reason);
        LogClosing(_services.Logger, _id, CloseReasons.Name(reason));
        return true;
    }

    private void OnJoinTimeout()
    {
        if (State == ConnectionState.Lobby && _match is null)
        {
            Close(CloseReason.JoinTimeout, WebSocketCloseStatus.PolicyViolation, "No Join arrived in time.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} closing: {Reason}")]
    private static partial void LogClosing(ILogger logger, string connectionId, string reason);
}
