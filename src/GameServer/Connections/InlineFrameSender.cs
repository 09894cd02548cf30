using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;

namespace GameServer.Connections;

/// <summary>
/// The lean send path: the thread that queues a frame (the tick, for deltas) writes it to the socket at once when
/// nothing else is being sent, and Kestrel's output loop carries it to the kernel. Only a send that does not
/// complete at once (the peer's window is full) leaves the caller's thread; frames behind it wait in a small queue
/// that the send's continuation drains. No task and no thread-pool hop per frame in the common case.
/// </summary>
public sealed class InlineFrameSender : IFrameSender
{
    private static readonly TimeSpan s_closeSendTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly int _capacity;
    private readonly Action<int> _onSent;
    private readonly Queue<SharedFrame> _pending;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _sending;
    private bool _stopped;
    private WebSocketCloseStatus? _closeStatus;
    private string _closeReason = string.Empty;

    public InlineFrameSender(WebSocket socket, int capacity, Action<int> onSent)
    {
        _socket = socket;
        _capacity = capacity;
        _onSent = onSent;
        _pending = new Queue<SharedFrame>(capacity);
    }

    public int Queued
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count + (_sending ? 1 : 0);
            }
        }
    }

    public Task Completion => _completion.Task;

    public bool TrySend(SharedFrame frame)
    {
        lock (_pending)
        {
            if (_stopped || _closeStatus is not null || _pending.Count >= _capacity)
            {
                return false;
            }

            frame.AddReference();
            if (_sending)
            {
                _pending.Enqueue(frame);
                return true;
            }

            _sending = true;
        }

        SendFrom(frame);
        return true;
    }

    public void Close(WebSocketCloseStatus status, string reason)
    {
        lock (_pending)
        {
            if (_closeStatus is not null || _stopped)
            {
                return;
            }

            _closeStatus = status;
            _closeReason = reason;
            ReleasePending();
            if (_sending)
            {
                return; // The send in flight closes when it completes.
            }

            _sending = true;
        }

        _ = CloseAsync();
    }

    /// <summary>Sends the frame and then whatever queued behind it, inline for as long as sends complete at once.</summary>
    private void SendFrom(SharedFrame frame)
    {
        while (true)
        {
            ValueTask send;
            try
            {
                send = _socket.SendAsync(frame.Memory, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            }
            catch (Exception ex) when (IsPeerGone(ex))
            {
                frame.Release();
                Stop();
                return;
            }

            if (!send.IsCompleted)
            {
                _ = ContinueAsync(send, frame);
                return;
            }

            if (!Complete(send, frame) || !TryTakeNext(out SharedFrame? next))
            {
                return;
            }

            frame = next;
        }
    }

    private async Task ContinueAsync(ValueTask send, SharedFrame frame)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (IsPeerGone(ex))
        {
            frame.Release();
            Stop();
            return;
        }

        int length = frame.Length;
        frame.Release();
        _onSent(length);
        if (TryTakeNext(out SharedFrame? next))
        {
            SendFrom(next);
        }
    }

    private bool Complete(ValueTask send, SharedFrame frame)
    {
        int length = frame.Length;
        try
        {
            send.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (IsPeerGone(ex))
        {
            frame.Release();
            Stop();
            return false;
        }

        frame.Release();
        _onSent(length);
        return true;
    }

    /// <summary>The next queued frame, or none: then the sender is idle, or it closes if a close is waiting.</summary>
    private bool TryTakeNext([NotNullWhen(true)] out SharedFrame? frame)
    {
        lock (_pending)
        {
            if (_closeStatus is null && _pending.TryDequeue(out frame))
            {
                return true;
            }

            frame = null;
            if (_closeStatus is null)
            {
                _sending = false;
                return false;
            }
        }

        _ = CloseAsync();
        return false;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(s_closeSendTimeout);
                await _socket.CloseOutputAsync(_closeStatus!.Value, _closeReason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsPeerGone(ex))
        {
            // The receive loop sees the peer go too.
        }

        Stop();
    }

    private void Stop()
    {
        lock (_pending)
        {
            _stopped = true;
            _sending = false;
            ReleasePending();
        }

        _completion.TrySetResult();
    }

    private void ReleasePending()
    {
        while (_pending.TryDequeue(out SharedFrame? frame))
        {
            frame.Release();
        }
    }

    private static bool IsPeerGone(Exception ex) => ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException;
}
