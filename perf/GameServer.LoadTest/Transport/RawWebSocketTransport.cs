using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using GameServer.Transport.Epoll;
using GameServer.Transport.Uring;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// A WebSocket client on a bare <see cref="Socket"/>: the upgrade, masked client frames and the frame parser written
/// here, so that a bot costs one read per readiness of its epoll loop (the server's own, <see cref="EpollLoop"/>) and
/// one non-blocking send per message, each gathered with the other bots' of the loop's or the scheduler's pass into
/// one io_uring submission (the server's <see cref="SocketBatch{TSocket}"/>), and nothing else. Sends are synchronous and non-blocking: a bot's frames are
/// tiny, so a full send buffer means the server stopped reading.
/// </summary>
public sealed partial class RawWebSocketTransport : IBotTransport, IReadinessHandler, IBatchedSocket
{
    private const int InitialBuffer = 8 * 1024;
    private const int MaxMessage = 1 << 20;

    // What one batched read takes at most: a pass's reads share the batch's buffer.
    private const int MaxBatchedRead = 2048;

    private readonly Uri _uri;
    private readonly string _subProtocol;
    private readonly EndPoint _endPoint;
    private readonly Lock _sendLock = new();
    private readonly byte[] _frame = new byte[256];
    private readonly bool _useIoUring;
    private EpollSocket? _socket;
    private IMessageSink? _sink;
    private TaskCompletionSource<int>? _closed;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int _start;
    private int _end;
    private uint _maskState;
    private bool _disposed;

    /// <param name="subProtocol">The subprotocol to offer, and to require in the answer.</param>
    /// <param name="useIoUring">Whether its sends and reads join the passes' io_uring batches.</param>
    public RawWebSocketTransport(Uri uri, EndPoint endPoint, int seed, string subProtocol, bool useIoUring)
    {
        _useIoUring = useIoUring;
        _subProtocol = subProtocol;
        _uri = uri;
        _endPoint = endPoint;
        _maskState = (uint)seed | 1;
    }

    // A pass gathers messages only: a close frame goes at once, before the socket closes behind it.
    public bool TrySend(ReadOnlySpan<byte> message) => TrySendFrame(0x82, message, _useIoUring ? SocketBatch<RawWebSocketTransport>.Open : null);

    public async Task<int> ReceiveAsync(IMessageSink sink, CancellationToken cancellationToken)
    {
        EpollSocket socket = _socket ?? throw new InvalidOperationException("Connect first.");

        // Bytes left after the handshake may already hold frames.
        int close = ParseFrames(sink);
        if (close != NoClose)
        {
            return close;
        }

        _sink = sink;
        _closed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(static state => ((TaskCompletionSource<int>)state!).TrySetCanceled(), _closed))
        {
            socket.Run(this, EpollInterop.In);
            try
            {
                return await _closed.Task.ConfigureAwait(false);
            }
            finally
            {
                socket.Unwatch();
            }
        }
    }

    /// <summary>
    /// One read, on the loop's thread, as the socket is readable: at once, or in the batch of the loop's pass
    /// (<see cref="IBatchedSocket.OnBatchReceived"/>); the frames it completes go to the sink.
    /// </summary>
    void IReadinessHandler.OnReady(uint events)
    {
        if (_closed is not { Task.IsCompleted: false } closed || _socket is not EpollSocket socket)
        {
            return;
        }

        try
        {
            if (_end == _buffer.Length)
            {
                Grow(_buffer.Length * 2);
            }

            // A read cut short by the cap leaves the socket readable: the loop's next wait finds it again.
            int room = Math.Min(_buffer.Length - _end, MaxBatchedRead);
            if (_useIoUring && SocketBatch<RawWebSocketTransport>.Open is { } batch && batch.TryAddReceive(this, socket.Socket.SafeHandle, room))
            {
                return;
            }

            int read = SocketCalls.Receive(socket.Socket.SafeHandle, _buffer.AsSpan(_end), out SocketError error);
            Received(closed, read, error);
        }
        catch (Exception ex)
        {
            // A protocol violation, or the bot's own check of a message: the bot sees it where it awaits the reading.
            closed.TrySetException(ex);
        }
    }

    void IBatchedSocket.OnBatchReceived(int result, ReadOnlySpan<byte> bytes)
    {
        const int WouldBlock = -11;
        if (_closed is not { Task.IsCompleted: false } closed)
        {
            return;
        }

        try
        {
            if (result > 0)
            {
                bytes[..result].CopyTo(_buffer.AsSpan(_end));
            }

            SocketError error = result >= 0 ? SocketError.Success : result == WouldBlock ? SocketError.WouldBlock : SocketError.SocketError;
            Received(closed, Math.Max(result, 0), error);
        }
        catch (Exception ex)
        {
            closed.TrySetException(ex);
        }
    }

    private void Received(TaskCompletionSource<int> closed, int read, SocketError error)
    {
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success || read == 0)
        {
            closed.TrySetResult(-1);
            return;
        }

        _end += read;
        int close = ParseFrames(_sink!);
        if (close != NoClose)
        {
            closed.TrySetResult(close);
        }
    }

    public void Abort()
    {
        EpollSocket? socket;
        lock (_sendLock)
        {
            socket = _socket;
            if (_disposed || socket is null)
            {
                return;
            }

            _disposed = true;
        }

        // A zero linger makes the close a reset: the server learns of the drop at once, as from a dead peer.
        socket.Socket.LingerState = new LingerOption(true, 0);
        socket.Close();

        // The loop no longer watches the socket: the reading ends here, as a read of a reset socket would.
        _closed?.TrySetResult(-1);
    }

    public ValueTask DisposeAsync()
    {
        // A failing bot disposes its transport, and the end of the run disposes every one: only the first call acts.
        EpollSocket? socket;
        lock (_sendLock)
        {
            socket = _socket;
            if (_disposed || socket is null)
            {
                return ValueTask.CompletedTask;
            }

            // A close frame with 1000, so that the server sees a clean goodbye rather than a reset.
            SendFrameLocked(socket.Socket, 0x88, [0x03, 0xE8]);
            _disposed = true;
        }

        try
        {
            socket.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        socket.Close();
        _closed?.TrySetResult(-1);
        return ValueTask.CompletedTask;
    }

    private bool TrySendFrame(byte opcode, ReadOnlySpan<byte> payload, SocketBatch<RawWebSocketTransport>? batch = null)
    {
        lock (_sendLock)
        {
            EpollSocket? socket = _socket;
            return !_disposed && socket is not null && payload.Length <= _frame.Length - 8 && SendFrameLocked(socket.Socket, opcode, payload, batch);
        }
    }

    private bool SendFrameLocked(Socket socket, byte opcode, ReadOnlySpan<byte> payload, SocketBatch<RawWebSocketTransport>? batch = null)
    {
        // Client frames must be masked (RFC 6455 5.3); the key only has to be unpredictable to browsers' scripts.
        uint mask = NextMask();
        int header = payload.Length < 126 ? 2 : 4;
        _frame[0] = opcode;
        if (header == 2)
        {
            _frame[1] = (byte)(0x80 | payload.Length);
        }
        else
        {
            _frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(_frame.AsSpan(2), (ushort)payload.Length);
        }

        Span<byte> key = _frame.AsSpan(header, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(key, mask);
        Span<byte> body = _frame.AsSpan(header + 4, payload.Length);
        for (int i = 0; i < payload.Length; i++)
        {
            body[i] = (byte)(payload[i] ^ key[i & 3]);
        }

        int length = header + 4 + payload.Length;
        if (batch is not null && batch.TryAddSend(this, socket.SafeHandle, _frame.AsSpan(0, length)))
        {
            return true;
        }

        int sent = socket.Send(_frame, 0, length, SocketFlags.None, out SocketError error);
        return error == SocketError.Success && sent == length;
    }

    /// <summary>
    /// A batched send the socket did not take whole: the bot fails where it awaits its reading, as when a direct send
    /// finds the buffer full. The scheduler sends only for bots that read.
    /// </summary>
    void IBatchedSocket.OnBatchSent(int result, ReadOnlySpan<byte> bytes)
    {
        if (result != bytes.Length)
        {
            string why = result < 0 ? $"error {-result}" : $"{result} bytes taken";
            _closed?.TrySetException(new BotException(ErrorKind.SendBlocked, $"A send could not complete at once ({why}): the server is not reading."));
        }
    }

    private uint NextMask()
    {
        uint x = _maskState;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _maskState = x;
        return x;
    }

    private void Grow(int size)
    {
        if (size > MaxMessage + 16)
        {
            throw new BotException(ErrorKind.ProtocolViolation, $"A server message is over {MaxMessage} bytes.");
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(_start, _end - _start).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
        _end -= _start;
        _start = 0;
    }
}
