using System.Net.WebSockets;
using System.Threading.Channels;

namespace GameServer.Connections;

/// <summary>
/// The plain send path: a bounded channel drained by one send loop per socket, so there is exactly one writer and
/// a slow peer costs at most its queue. The queue's full policy is to refuse: the caller decides what to drop.
/// </summary>
public sealed class ChannelFrameSender : IFrameSender
{
    private static readonly TimeSpan s_closeSendTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly Channel<SharedFrame> _queue;
    private readonly Action<int> _onSent;
    private WebSocketCloseStatus? _closeStatus;
    private string _closeReason = string.Empty;

    /// <param name="onSent">Called with each frame's length after it is sent, for the byte counters.</param>
    public ChannelFrameSender(WebSocket socket, int capacity, Action<int> onSent)
    {
        _socket = socket;
        _onSent = onSent;
        _queue = Channel.CreateBounded<SharedFrame>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Completion = SendLoopAsync();
    }

    public int Queued => _queue.Reader.Count;

    public Task Completion { get; }

    public bool TrySend(SharedFrame frame)
    {
        frame.AddReference();
        if (_queue.Writer.TryWrite(frame))
        {
            return true;
        }

        frame.Release();
        return false;
    }

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

    private async Task SendLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out SharedFrame? frame))
                {
                    try
                    {
                        if (_closeStatus is null)
                        {
                            await _socket.SendAsync(frame.Memory, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                            _onSent(frame.Length);
                        }
                    }
                    finally
                    {
                        frame.Release();
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
            while (_queue.Reader.TryRead(out SharedFrame? frame))
            {
                frame.Release();
            }
        }
    }
}
