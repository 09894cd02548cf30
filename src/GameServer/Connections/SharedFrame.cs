using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace GameServer.Connections;

/// <summary>
/// One encoded message in a pooled buffer, shared by every connection it is sent to: a tick's delta is encoded once
/// and the same bytes go to all players. Reference-counted; the buffer returns to the pool after the last release.
/// </summary>
public sealed class SharedFrame : IBufferWriter<byte>
{
    private const int MaxPooledFrames = 1024;
    private static readonly ConcurrentQueue<SharedFrame> s_pool = new();

    private byte[] _buffer = [];
    private int _length;
    private int _references;

    private SharedFrame()
    {
    }

    public ReadOnlyMemory<byte> Memory => new(_buffer, 0, _length);

    public int Length => _length;

    /// <summary>An empty frame holding one reference, the caller's.</summary>
    public static SharedFrame Rent(int sizeHint = 256)
    {
        if (!s_pool.TryDequeue(out SharedFrame? frame))
        {
            frame = new SharedFrame();
        }

        frame._buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        frame._length = 0;
        frame._references = 1;
        return frame;
    }

    /// <summary>Encodes one message with <paramref name="write"/> into a new frame.</summary>
    public static SharedFrame Encode<TState>(TState state, Action<IBufferWriter<byte>, TState> write)
    {
        SharedFrame frame = Rent();
        write(frame, state);
        return frame;
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
