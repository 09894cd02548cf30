using System.Runtime.InteropServices;
using GameServer.Transport.Uring;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// A thread's socket calls of one pass, handed to the kernel in one io_uring submission (the server's own
/// <see cref="SocketRing"/>) instead of one system call each: a scheduler's sends to its bots' sockets, or the reads
/// of the sockets one epoll wait found readable. A system call costs about a microsecond on a virtualised host, as
/// much as the rest of a bot's send or read (perf/RESULTS.md, "The swarm's sends batched" and "The swarm's reads
/// batched"). A frame to send is copied into the batch's pinned buffer, a read lands there and is copied out; the
/// socket's handle is held until the submission. A send the socket does not take whole fails its bot, as a direct
/// one does.
/// </summary>
internal sealed unsafe class RingBatch
{
    private const uint RingEntries = 256;
    private const int BufferBytes = 512 * 1024;

    // Each thread gets its own ring at its first gather; a thread the kernel refused one calls directly from then on.
    [ThreadStatic]
    private static RingBatch? t_batch;

    [ThreadStatic]
    private static bool t_refused;

    [ThreadStatic]
    private static RingBatch? t_open;

    private static readonly Lazy<string?> s_unavailable = new(Probe);

    private readonly SocketRing _ring;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferBytes, pinned: true);
    private readonly Entry[] _entries;
    private int _used;

    private RingBatch(SocketRing ring)
    {
        _ring = ring;
        _entries = new Entry[ring.Capacity];
    }

    /// <summary>Why calls cannot be batched on this host (no io_uring, or a seccomp filter that blocks it); null when they can.</summary>
    public static string? Unavailable => s_unavailable.Value;

    /// <summary>The batch of the pass open on this thread, if any: a bot's call goes there instead of to the kernel at once.</summary>
    public static RingBatch? Open => t_open;

    /// <summary>
    /// Opens a pass on this thread; disposing it submits what was gathered. Does nothing when
    /// <paramref name="enabled"/> is false or the kernel refuses io_uring.
    /// </summary>
    public static Scope Gather(bool enabled)
    {
        if (!enabled || t_refused || Unavailable is not null)
        {
            return default;
        }

        if (t_batch is null)
        {
            if (SocketRing.TryCreate(RingEntries, out _) is not { } ring)
            {
                t_refused = true;
                return default;
            }

            t_batch = new RingBatch(ring);
        }

        t_open = t_batch;
        return new Scope(t_batch);
    }

    /// <summary>Adds a send of <paramref name="frame"/> (copied) to the socket of <paramref name="handle"/>; false when the handle is closed.</summary>
    public bool TryAddSend(RawWebSocketTransport transport, SafeHandle handle, ReadOnlySpan<byte> frame)
    {
        if (!TryReserve(handle, frame.Length))
        {
            return false;
        }

        frame.CopyTo(_buffer.AsSpan(_used));
        Add(new Entry(transport, handle, _used, frame.Length, Receive: false));
        return true;
    }

    /// <summary>Adds a read of up to <paramref name="length"/> bytes from the socket of <paramref name="handle"/>; false when the handle is closed.</summary>
    public bool TryAddReceive(RawWebSocketTransport transport, SafeHandle handle, int length)
    {
        if (!TryReserve(handle, length))
        {
            return false;
        }

        Add(new Entry(transport, handle, _used, length, Receive: true));
        return true;
    }

    private bool TryReserve(SafeHandle handle, int length)
    {
        if (_ring.Pending == _ring.Capacity || _used + length > _buffer.Length)
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
        }

        return held;
    }

    private void Add(Entry entry)
    {
        int index = _ring.Pending;
        _entries[index] = entry;
        int fd = (int)entry.Handle.DangerousGetHandle();
        byte* bytes = (byte*)Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, entry.Offset);
        if (entry.Receive)
        {
            _ring.AddReceive(fd, bytes, entry.Length, (ulong)index);
        }
        else
        {
            _ring.AddSend(fd, bytes, entry.Length, (ulong)index);
        }

        _used += entry.Length;
    }

    private void Submit()
    {
        // A read's frames may make its bot send: while the completions run, that send goes to the kernel at once.
        RingBatch? open = t_open;
        t_open = null;
        try
        {
            _ring.Submit(this, static (batch, token, result) => batch.Complete((int)token, result));
        }
        finally
        {
            _used = 0;
            t_open = open;
        }
    }

    private void Complete(int index, int result)
    {
        Entry entry = _entries[index];
        _entries[index] = default;
        entry.Handle.DangerousRelease();
        if (entry.Receive)
        {
            entry.Transport.OnBatchReceived(result, _buffer.AsSpan(entry.Offset, entry.Length));
        }
        else if (result != entry.Length)
        {
            entry.Transport.OnBatchedSendFailed(result);
        }
    }

    private static string? Probe()
    {
        using SocketRing? ring = SocketRing.TryCreate(RingEntries, out string? why);
        return why;
    }

    /// <summary>A pass open on this thread; disposing it submits what was gathered.</summary>
    public readonly struct Scope(RingBatch? batch) : IDisposable
    {
        public void Dispose()
        {
            if (batch is not null)
            {
                batch.Submit();
                t_open = null;
            }
        }
    }

    private readonly record struct Entry(RawWebSocketTransport Transport, SafeHandle Handle, int Offset, int Length, bool Receive);
}
