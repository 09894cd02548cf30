using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using GameServer.Protocol.WebSockets;

namespace GameServer.Connections;

/// <summary>
/// One or more whole WebSocket frames in a pooled buffer, framed once and shared by every connection they go to: a
/// tick's delta and events are encoded and framed once per match, and the same bytes reach every player in one write.
/// Reference-counted; the buffer returns to the pool after the last release.
/// </summary>
public sealed class SharedFrame : IBufferWriter<byte>
{
    private const int MaxPooledFrames = 1024;

    // Room left before each message for its header: 4 bytes cover payloads up to 64 KiB, the common case.
    private const int ReservedHeader = 4;
    private static readonly ConcurrentQueue<SharedFrame> s_pool = new();

    private byte[] _buffer = [];
    private int _length;
    private int _references;
    private int _messageStart = -1;

    private SharedFrame()
    {
    }

    /// <summary>The frames as they go on the wire.</summary>
    public ReadOnlyMemory<byte> Memory => new(_buffer, 0, _length);

    public int Length => _length;

    /// <summary>WebSocket messages (frames) in the buffer.</summary>
    public int Messages { get; private set; }

    /// <summary>An empty frame holding one reference, the caller's.</summary>
    public static SharedFrame Rent(int sizeHint = 256)
    {
        if (!s_pool.TryDequeue(out SharedFrame? frame))
        {
            frame = new SharedFrame();
        }

        frame._buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        frame._length = 0;
        frame._messageStart = -1;
        frame.Messages = 0;
        frame._references = 1;
        return frame;
    }

    /// <summary>Encodes one message with <paramref name="write"/> into a new frame.</summary>
    public static SharedFrame Encode<TState>(TState state, Action<IBufferWriter<byte>, TState> write)
    {
        SharedFrame frame = Rent();
        frame.Append(state, write);
        return frame;
    }

    /// <summary>A control frame (close, ping, pong) with its payload.</summary>
    public static SharedFrame Control(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        SharedFrame frame = Rent(WebSocketFraming.MaxServerHeaderBytes + payload.Length);
        frame.BeginMessage();
        payload.CopyTo(frame.GetSpan(payload.Length));
        frame.Advance(payload.Length);
        frame.EndMessage(opcode);
        return frame;
    }

    /// <summary>Overwrites the four bytes at <paramref name="offset"/> (big-endian), in place: only while no one else is sending this frame.</summary>
    public void SetUInt32At(int offset, uint value)
    {
        Debug.Assert(offset >= 0 && offset + sizeof(uint) <= _length, "The value lies outside the frame.");
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(offset), value);
    }

    /// <summary>
    /// A new frame holding a copy of these bytes with the 4 at <paramref name="offset"/> replaced by
    /// <paramref name="value"/>, big-endian: how a frame shared by a match gets one player's own acknowledgement.
    /// </summary>
    public SharedFrame WithUInt32At(int offset, uint value)
    {
        SharedFrame copy = Copy();
        copy.SetUInt32At(offset, value);
        return copy;
    }

    /// <summary>A new frame holding a copy of these bytes and messages.</summary>
    public SharedFrame Copy() => CopyOf(_buffer.AsSpan(0, _length), Messages);

    /// <summary>A new frame holding a copy of <paramref name="bytes"/>, whole frames that are <paramref name="messages"/> messages.</summary>
    public static SharedFrame CopyOf(ReadOnlySpan<byte> bytes, int messages)
    {
        SharedFrame copy = Rent(bytes.Length);
        bytes.CopyTo(copy.GetSpan(bytes.Length));
        copy.Advance(bytes.Length);
        copy.Messages = messages;
        return copy;
    }

    /// <summary>Appends one more binary message, encoded by <paramref name="write"/>, after those already here.</summary>
    public void Append<TState>(TState state, Action<IBufferWriter<byte>, TState> write)
    {
        BeginMessage();
        write(this, state);
        EndMessage(WebSocketOpcode.Binary);
    }

    /// <summary>Starts a message: what is written until <see cref="EndMessage"/> is its payload.</summary>
    public void BeginMessage()
    {
        Debug.Assert(_messageStart < 0, "A message is already open.");
        Ensure(ReservedHeader);
        _messageStart = _length;
        _length += ReservedHeader;
    }

    /// <summary>Frames the open message: writes its header in the room reserved for it, moving the payload if the header is not 4 bytes.</summary>
    public void EndMessage(WebSocketOpcode opcode)
    {
        int payloadStart = _messageStart + ReservedHeader;
        int payloadLength = _length - payloadStart;
        int headerLength = WebSocketFraming.ServerHeaderLength(payloadLength);
        if (headerLength != ReservedHeader)
        {
            Ensure(headerLength - ReservedHeader);
            _buffer.AsSpan(payloadStart, payloadLength).CopyTo(_buffer.AsSpan(_messageStart + headerLength));
            _length += headerLength - ReservedHeader;
        }

        WebSocketFraming.WriteServerHeader(_buffer.AsSpan(_messageStart), opcode, payloadLength);
        _messageStart = -1;
        Messages++;
    }

    /// <summary>Takes one more reference, for one more connection that will send it.</summary>
    public void AddReference()
    {
        int references = Interlocked.Increment(ref _references);
        Debug.Assert(references > 1, "A released frame was reused.");
    }

    /// <summary>Gives one reference back; the last one returns the buffer and the frame to their pools.</summary>
    public void Release()
    {
        int references = Interlocked.Decrement(ref _references);
        if (references > 0)
        {
            return;
        }

        Debug.Assert(references == 0, "A frame was released more often than referenced.");
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        if (s_pool.Count < MaxPooledFrames)
        {
            s_pool.Enqueue(this);
        }
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length);
    }

    private void Ensure(int sizeHint)
    {
        int needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
