using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using GameServer.Connections;
using GameServer.Protocol.WebSockets;
using GameServer.Transport.Epoll;
using GameServer.Transport.Uring;

namespace GameServer.Transport;

public sealed partial class GameSocket
{
    // Far above what a client within the message rate can have waiting while it reads; one that is not reading at
    // all falls behind on deltas first and is closed for it.
    private const int MaxQueuedReplies = 256;

    private readonly Lock _sendLock = new();
    private readonly Queue<QueuedFrame> _queue = new();
    private readonly int _deltaCapacity;
    private int _headSent;
    private int _queuedReplies;
    private volatile int _queued;
    private bool _draining;
    // A send of this socket's is in its thread's batch, not yet submitted: what else comes queues behind it. Its kind
    // and message count are kept for the metrics of its completion.
    private bool _inFlight;
    private FrameKind _inFlightKind;
    private int _inFlightMessages;
    private bool _outputClosed;
    private bool _closeWritten;
    private volatile bool _peerClosed;
    private volatile bool _failed;

    public int Queued => _queued;

    public bool TrySend(SharedFrame frame) => Write(frame, FrameKind.Tick);

    public bool TrySendWithAck(SharedFrame shared, int ackOffset, uint ack)
    {
        lock (_sendLock)
        {
            if (IsIdle && !_outputClosed && Volatile.Read(ref _ended) == 0)
            {
                // The ack is written into the shared frame for this send alone: send() or the batch has copied the
                // bytes when it returns, so the next player's ack can go over it. Only what waits for the socket
                // needs its own copy.
                shared.SetUInt32At(ackOffset, ack);
                return WriteNow(shared, FrameKind.Tick, ownCopyToWait: true);
            }
        }

        SharedFrame own = shared.WithUInt32At(ackOffset, ack);
        bool sent = Write(own, FrameKind.Tick);
        own.Release();
        return sent;
    }

    public void SendReply(SharedFrame frame)
    {
        if (!Write(frame, FrameKind.Reply) && Volatile.Read(ref _ended) == 0 && !_outputClosed)
        {
            _connection.OnFellBehind();
        }
    }

    public void Close(WebSocketCloseStatus status, string reason)
    {
        lock (_sendLock)
        {
            CloseOutput(status, reason);
        }

        // The close may have been written before the peer's arrived, or the framing broke: either way nothing is left to do.
        EndIfClosedBothWays();
    }

    private void SendControl(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        SharedFrame frame = SharedFrame.Control(opcode, payload);
        Write(frame, FrameKind.Reply);
        frame.Release();
    }

    private bool Write(SharedFrame frame, FrameKind kind)
    {
        lock (_sendLock)
        {
            if (_outputClosed || Volatile.Read(ref _ended) != 0)
            {
                return false;
            }

            if (IsIdle)
            {
                return WriteNow(frame, kind);
            }

            bool full = kind == FrameKind.Reply ? _queuedReplies >= MaxQueuedReplies : _queue.Count - _queuedReplies >= _deltaCapacity;
            if (full)
            {
                return false;
            }

            Enqueue(frame, kind);
            return true;
        }
    }

    // Nothing queued and nothing in a batch: a frame may be written at once. Under the send lock.
    private bool IsIdle => _queued == 0 && !_inFlight;

    /// <summary>
    /// One non-blocking send, or a place in the batch gathered on this thread; what the socket does not take now
    /// waits in the queue until the loop sees it writable.
    /// </summary>
    /// <param name="ownCopyToWait">Whether a frame that has to wait is copied first (one written in place for this send).</param>
    private bool WriteNow(SharedFrame frame, FrameKind kind, bool ownCopyToWait = false)
    {
        ReadOnlySpan<byte> bytes = frame.Memory.Span;
        if (kind != FrameKind.Close && SocketBatch<GameSocket>.Open is { } batch && batch.TryAddSend(this, _handle, bytes))
        {
            _inFlight = true;
            _inFlightKind = kind;
            _inFlightMessages = frame.Messages;
            return true;
        }

        int sent = SocketCalls.Send(_handle, bytes, out SocketError error);
        if (error == SocketError.Success && sent == bytes.Length)
        {
            Written(kind, frame.Messages, frame.Length);
            return true;
        }

        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            // The peer is gone; the read side sees it too.
            End();
            return false;
        }

        if (ownCopyToWait)
        {
            SharedFrame own = frame.Copy();
            Enqueue(own, kind);
            own.Release();
        }
        else
        {
            Enqueue(frame, kind);
        }

        _headSent = sent;
        if (!_draining)
        {
            // The loop tells when the socket takes more; the queue is sent from there.
            _draining = true;
            _epoll.Arm(EpollInterop.In | EpollInterop.Out);
        }

        return true;
    }

    /// <summary>
    /// The batch's send of <paramref name="bytes"/> went: all of it, part (<paramref name="result"/> bytes), none
    /// (-EAGAIN), or failed (-errno). What it did not take waits in the queue ahead of what was queued meanwhile.
    /// </summary>
    void IBatchedSocket.OnBatchSent(int result, ReadOnlySpan<byte> bytes)
    {
        const int WouldBlock = -11;
        lock (_sendLock)
        {
            _inFlight = false;
            FrameKind kind = _inFlightKind;
            int messages = _inFlightMessages;
            if (Volatile.Read(ref _ended) != 0)
            {
                return;
            }

            if (result == bytes.Length)
            {
                Written(kind, messages, bytes.Length);
            }
            else if (result >= 0 || result == WouldBlock)
            {
                SharedFrame rest = SharedFrame.CopyOf(bytes, messages);
                EnqueueFirst(rest, kind);
                rest.Release();
                _headSent = Math.Max(result, 0);
            }
            else
            {
                // The peer is gone; the read side sees it too.
                End();
                return;
            }

            if (_queued > 0 && !_draining)
            {
                _draining = true;
                _epoll.Arm(EpollInterop.In | EpollInterop.Out);
            }
        }
    }

    private void EnqueueFirst(SharedFrame frame, FrameKind kind)
    {
        // Rare (frames queued while the batch held a send the socket then did not take): the queue is rebuilt.
        QueuedFrame[] behind = [.. _queue];
        _queue.Clear();
        _queuedReplies = 0;
        Enqueue(frame, kind);
        foreach (QueuedFrame queued in behind)
        {
            _queue.Enqueue(queued);
            _queuedReplies += queued.Kind == FrameKind.Reply ? 1 : 0;
        }

        _queued = _queue.Count;
    }

    private void Enqueue(SharedFrame frame, FrameKind kind)
    {
        frame.AddReference();
        _queue.Enqueue(new QueuedFrame(frame, kind));
        _queuedReplies += kind == FrameKind.Reply ? 1 : 0;
        _queued = _queue.Count;
    }

    /// <summary>The loop saw the socket writable: sends the queue from where it stopped until it would block again or is empty.</summary>
    private void OnWritable()
    {
        lock (_sendLock)
        {
            if (_inFlight)
            {
                // Nothing may be written before the batch's send: its completion arms the loop again if need be.
                _draining = false;
                _epoll.Arm(EpollInterop.In);
                return;
            }

            while (_queue.TryPeek(out QueuedFrame head))
            {
                ReadOnlySpan<byte> rest = head.Frame.Memory.Span[_headSent..];
                int sent = SocketCalls.Send(_handle, rest, out SocketError error);
                if (error is not (SocketError.Success or SocketError.WouldBlock) || Volatile.Read(ref _ended) != 0)
                {
                    End();
                    return;
                }

                _headSent += sent;
                if (_headSent < head.Frame.Length)
                {
                    return;
                }

                _queue.Dequeue();
                _queuedReplies -= head.Kind == FrameKind.Reply ? 1 : 0;
                _queued = _queue.Count;
                _headSent = 0;
                Written(head.Kind, head.Frame.Messages, head.Frame.Length);
                head.Frame.Release();
            }

            if (_draining && Volatile.Read(ref _ended) == 0)
            {
                _draining = false;
                _epoll.Arm(EpollInterop.In);
            }
        }
    }

    // Under the send lock.
    private void Written(FrameKind kind, int messages, int length)
    {
        if (kind == FrameKind.Close)
        {
            _closeWritten = true;
            EndIfClosedBothWays();
        }
        else
        {
            _services.Metrics.Sent(messages, length);
            Volatile.Write(ref _bytesSent, _bytesSent + length);
        }
    }

    /// <summary>Queues the close frame after the frame being written, dropping every frame not yet begun. Under the send lock.</summary>
    private void CloseOutput(WebSocketCloseStatus status, string reason)
    {
        if (_outputClosed || Volatile.Read(ref _ended) != 0)
        {
            return;
        }

        DropUnstarted();
        Span<byte> payload = stackalloc byte[2 + 123];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        int reasonLength = Encoding.UTF8.GetBytes(reason.AsSpan(0, Math.Min(reason.Length, 60)), payload[2..]);
        SharedFrame frame = SharedFrame.Control(WebSocketOpcode.Close, payload[..(2 + reasonLength)]);
        if (IsIdle)
        {
            WriteNow(frame, FrameKind.Close);
        }
        else
        {
            Enqueue(frame, FrameKind.Close);
        }

        _outputClosed = true;
        frame.Release();
    }

    private void DropUnstarted()
    {
        // The head is being written (a send is pending on it, or it went out in part): it must be finished, or the
        // peer would read the close frame as the rest of it.
        bool keepHead = _draining && _queue.Count > 0;
        QueuedFrame head = keepHead ? _queue.Dequeue() : default;
        while (_queue.TryDequeue(out QueuedFrame frame))
        {
            frame.Frame.Release();
        }

        if (keepHead)
        {
            _queue.Enqueue(head);
        }

        _queuedReplies = keepHead && head.Kind == FrameKind.Reply ? 1 : 0;
        _queued = _queue.Count;
    }

    private void EndIfClosedBothWays()
    {
        if (_closeWritten && (_peerClosed || _failed))
        {
            End();
        }
    }

    private void ReleaseQueue()
    {
        lock (_sendLock)
        {
            while (_queue.TryDequeue(out QueuedFrame frame))
            {
                frame.Frame.Release();
            }

            _queued = 0;
            _queuedReplies = 0;
        }
    }
}
