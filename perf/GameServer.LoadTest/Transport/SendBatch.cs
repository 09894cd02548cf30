using System.Runtime.InteropServices;
using GameServer.Transport.Uring;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// A scheduler thread's sends of one pass over its bots, handed to the kernel in one io_uring submission (the server's
/// own <see cref="SocketRing"/>) instead of one send(2) each: the swarm spent 65-86 % of its core on 2000 bots, and a
/// system call costs about a microsecond on a virtualised host, as much as the rest of a bot's send (perf/RESULTS.md,
/// "The swarm's sends batched"). A frame is copied into the batch's pinned buffer and its socket's handle held until
/// the submission; a send the socket does not take whole fails its bot, as a direct one does.
/// </summary>
internal sealed unsafe class SendBatch
{
    private const uint RingEntries = 256;
    private const int BufferBytes = 64 * 1024;

    [ThreadStatic]
    private static SendBatch? t_open;

    private readonly SocketRing _ring;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferBytes, pinned: true);
    private readonly Entry[] _entries;
    private int _used;

    private SendBatch(SocketRing ring)
    {
        _ring = ring;
        _entries = new Entry[ring.Capacity];
    }

    /// <summary>The batch of the pass open on this thread, if any: a bot's send goes there instead of to the kernel at once.</summary>
    public static SendBatch? Open => t_open;

    /// <summary>A batch for the calling thread's passes; null, with why, where the kernel refuses io_uring.</summary>
    public static SendBatch? TryCreate(out string? why) => SocketRing.TryCreate(RingEntries, out why) is { } ring ? new SendBatch(ring) : null;

    /// <summary>Opens a pass of <paramref name="batch"/> on this thread (none when it is null); disposing it submits the pass's sends.</summary>
    public static Scope Gather(SendBatch? batch)
    {
        t_open = batch;
        return new Scope(batch);
    }

    /// <summary>Adds a send of <paramref name="frame"/> (copied) to the socket of <paramref name="handle"/>; false when the handle is closed.</summary>
    public bool TryAdd(RawWebSocketTransport sender, SafeHandle handle, ReadOnlySpan<byte> frame)
    {
        if (_ring.Pending == _ring.Capacity || _used + frame.Length > _buffer.Length)
        {
            Submit();
        }

        bool held = false;
        try
        {
            handle.DangerousAddRef(ref held);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        frame.CopyTo(_buffer.AsSpan(_used));
        int index = _ring.Pending;
        _entries[index] = new Entry(sender, handle, frame.Length);
        _ring.AddSend((int)handle.DangerousGetHandle(), (byte*)Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, _used), frame.Length, (ulong)index);
        _used += frame.Length;
        return true;
    }

    private void Submit()
    {
        _used = 0;
        _ring.Submit(this, static (batch, token, result) => batch.Complete((int)token, result));
    }

    private void Complete(int index, int result)
    {
        Entry entry = _entries[index];
        _entries[index] = default;
        entry.Handle.DangerousRelease();
        if (result != entry.Length)
        {
            entry.Sender.OnBatchedSendFailed(result);
        }
    }

    /// <summary>A pass open on this thread; disposing it submits what was gathered.</summary>
    public readonly struct Scope(SendBatch? batch) : IDisposable
    {
        public void Dispose()
        {
            t_open = null;
            batch?.Submit();
        }
    }

    private readonly record struct Entry(RawWebSocketTransport Sender, SafeHandle Handle, int Length);
}
