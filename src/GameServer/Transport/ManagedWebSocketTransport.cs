using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Protocol;
using GameServer.Protocol.WebSockets;

namespace GameServer.Transport;

/// <summary>
/// The compatibility path: a WebSocket that Kestrel upgraded (wss through Kestrel's TLS, HTTP/2, or an upgrade on a
/// reused connection), with a receive loop and a send loop over .NET's WebSocket. Costlier per message than
/// <see cref="GameSocket"/>, which serves plain upgrades; same behaviour towards the player.
/// </summary>
public sealed class ManagedWebSocketTransport : IFrameSender
{
    private static readonly TimeSpan s_closeSendTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly GatewayMetrics _metrics;
    private readonly int _capacity;
    private readonly Channel<QueuedFrame> _queue = Channel.CreateUnbounded<QueuedFrame>(new UnboundedChannelOptions { SingleReader = true });
    private PlayerConnection _connection = null!;
    private int _queuedTicks;
    private int _queued;
    private long _bytesSent;
    private WebSocketCloseStatus? _closeStatus;
    private string _closeReason = string.Empty;

    public ManagedWebSocketTransport(WebSocket socket, int capacity, GatewayMetrics metrics)
    {
        _socket = socket;
        _capacity = capacity;
        _metrics = metrics;
    }

    public int Queued => Volatile.Read(ref _queued);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    // .NET's WebSocket answers and sends keep-alive pings itself and does not say how long their pongs took.
    public TimeSpan? RoundTrip => null;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(PlayerConnection connection, CancellationToken aborted)
    {
        _connection = connection;
        Completion = Task.WhenAll(SendLoopAsync(), ReceiveLoopAsync(aborted));
    }

    public bool TrySend(SharedFrame frame)
    {
        if (Interlocked.Increment(ref _queuedTicks) > _capacity)
        {
            Interlocked.Decrement(ref _queuedTicks);
            return false;
        }

        return Write(frame, FrameKind.Tick);
    }

    public void SendReply(SharedFrame frame) => Write(frame, FrameKind.Reply);

    public void Close(WebSocketCloseStatus status, string reason)
    {
        lock (_queue)
        {
            if (_closeStatus is not null)
            {
                return;
            }

            _closeReason = reason;
            _closeStatus = status;
        }

        _queue.Writer.TryComplete();
    }

    public void Abort()
    {
        try
        {
            _socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request has ended and taken the socket with it: nothing is left to abort.
        }
    }

    private bool Write(SharedFrame frame, FrameKind kind)
    {
        frame.AddReference();
        Interlocked.Increment(ref _queued);
        if (_queue.Writer.TryWrite(new QueuedFrame(frame, kind)))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        frame.Release();
        if (kind == FrameKind.Tick)
        {
            Interlocked.Decrement(ref _queuedTicks);
        }

        return false;
    }

    private async Task SendLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out QueuedFrame queued))
                {
                    try
                    {
                        if (_closeStatus is null)
                        {
                            await SendFramesAsync(queued.Frame).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        Interlocked.Add(ref _queuedTicks, queued.Kind == FrameKind.Tick ? -1 : 0);
                        Interlocked.Decrement(ref _queued);
                        queued.Frame.Release();
                    }
                }
            }

            if (_closeStatus is WebSocketCloseStatus status && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(s_closeSendTimeout);
                await _socket.CloseOutputAsync(status, _closeReason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone: the receive loop sees it too and ends the connection.
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out QueuedFrame queued))
            {
                queued.Frame.Release();
            }
        }
    }

    /// <summary>.NET's WebSocket frames each message itself: the payloads are taken out of the pre-framed buffer.</summary>
    private async ValueTask SendFramesAsync(SharedFrame frame)
    {
        ReadOnlyMemory<byte> rest = frame.Memory;
        while (WebSocketFraming.TryReadServerFrame(rest.Span, out _, out int headerLength, out int payloadLength))
        {
            await _socket.SendAsync(rest.Slice(headerLength, payloadLength), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            rest = rest[(headerLength + payloadLength)..];
        }

        _metrics.Sent(frame.Messages, frame.Length);
        Interlocked.Add(ref _bytesSent, frame.Length);
    }

    private async Task ReceiveLoopAsync(CancellationToken aborted)
    {
        try
        {
            await ReceiveMessagesAsync(aborted).ConfigureAwait(false);
            await AwaitPeerCloseAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _connection.OnTransportFault(CloseReason.Disconnected);
        }
        catch (Exception ex)
        {
            // A bug of ours while handling a message: this connection ends with 1011, nothing else is touched.
            _connection.OnServerError(ex);
        }
        finally
        {
            Close(WebSocketCloseStatus.NormalClosure, string.Empty);
        }
    }

    private async Task ReceiveMessagesAsync(CancellationToken aborted)
    {
        const int Capacity = ProtocolConstants.MaxClientMessageBytes + 1;
        while (!_connection.IsClosed)
        {
            // A zero-byte read waits for data without holding a buffer, as SignalR's WebSocket transport does.
            ValueWebSocketReceiveResult peek = await _socket.ReceiveAsync(Memory<byte>.Empty, aborted).ConfigureAwait(false);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                _connection.OnPeerClosed();
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
                        _connection.OnPeerClosed();
                        return;
                    }

                    length += result.Count;
                    if (length > ProtocolConstants.MaxClientMessageBytes)
                    {
                        _connection.OnViolation(CloseReason.TooBig, WebSocketCloseStatus.MessageTooBig, "A message may have at most 1024 bytes.");
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    _connection.OnViolation(CloseReason.TextMessage, WebSocketCloseStatus.InvalidMessageType, "Only binary messages are accepted.");
                    return;
                }

                _connection.OnMessage(buffer.AsMemory(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
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
}
