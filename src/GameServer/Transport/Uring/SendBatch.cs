using System.Runtime.InteropServices;

namespace GameServer.Transport.Uring;

/// <summary>
/// One thread's fan-out (a match's tick to its players), gathered while a <see cref="Gather"/> scope is open and
/// handed to the kernel in one io_uring submission when it closes, instead of one send(2) per player. A system call
/// costs about a microsecond on a virtualised host, as much as the rest of a small send; at 1000 players in matches
/// of 64 the floor's CPU fell by a quarter with its sends batched (perf/RESULTS.md, "Sends batched through io_uring").
/// Each send's bytes are copied into the batch's pinned buffer, so the frame it came from (shared by the match's
/// players, each one's ack written into it in turn) is free again at once. A socket with a send in the batch queues
/// whatever else it has to send behind it until <see cref="GameSocket.OnBatchSent"/>.
/// </summary>
internal sealed unsafe class SendBatch
{
    private const uint RingEntries = 256;
    private const int BufferBytes = 256 * 1024;

    // Each thread gets its own ring at its first gather; a thread the kernel refused one sends directly from then on.
    [ThreadStatic]
    private static SendBatch? t_batch;

    [ThreadStatic]
    private static bool t_refused;

    [ThreadStatic]
    private static SendBatch? t_open;

    private static readonly Lazy<string?> s_unavailable = new(Probe);

    private readonly SendRing _ring;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferBytes, pinned: true);
    private readonly Entry[] _entries;
    private int _used;

    private SendBatch(SendRing ring)
    {
        _ring = ring;
        _entries = new Entry[ring.Capacity];
    }

    /// <summary>Why sends cannot be batched on this host (no io_uring, or a seccomp filter that blocks it); null when they can.</summary>
    public static string? Unavailable => s_unavailable.Value;

    /// <summary>The batch of the scope open on this thread, if any: a socket's send goes there instead of to send(2).</summary>
    public static SendBatch? Open => t_open;

    /// <summary>
    /// Opens a scope on this thread in which sockets' sends are gathered; disposing it submits them and tells each
    /// socket how its send went. Does nothing when <paramref name="enabled"/> is false, io_uring is unavailable, or a
    /// scope is already open here.
    /// </summary>
    public static Scope Gather(bool enabled)
    {
        if (!enabled || t_open is not null || t_refused || Unavailable is not null)
        {
            return default;
        }

        if (t_batch is null)
        {
            SendRing? ring = SendRing.TryCreate(RingEntries, out _);
            if (ring is null)
            {
                t_refused = true;
                return default;
            }

            t_batch = new SendBatch(ring);
        }

        t_open = t_batch;
        return new Scope(t_batch);
    }

    /// <summary>
    /// Adds a send of <paramref name="bytes"/> (copied) to <paramref name="socket"/>, holding its handle until the
    /// submission; false when the batch is full and the caller must send directly.
    /// </summary>
    public bool TryAdd(GameSocket socket, SafeHandle handle, ReadOnlySpan<byte> bytes, int messages, FrameKind kind)
    {
        if (_ring.Pending == _ring.Capacity || _used + bytes.Length > _buffer.Length)
        {
            return false;
        }

        bool held = false;
        try
        {
            handle.DangerousAddRef(ref held);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: as send(2) would, the socket learns it from the completion.
        }

        int index = _ring.Pending;
        bytes.CopyTo(_buffer.AsSpan(_used));
        _entries[index] = new Entry(socket, held ? handle : null, _used, bytes.Length, messages, kind);
        int fd = held ? (int)handle.DangerousGetHandle() : -1;
        _ring.AddSend(fd, (byte*)Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, _used), bytes.Length, (ulong)index);
        _used += bytes.Length;
        return true;
    }

    private void Flush()
    {
        t_open = null;
        int count = _ring.Pending;
        try
        {
            _ring.Submit(this, static (batch, token, result) => batch.Complete((int)token, result));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The kernel took none of them (or some, unreported): each socket ends as after a failed send, and this
            // thread sends directly from now on.
            const int IoError = -5;
            for (int i = 0; i < count; i++)
            {
                if (_entries[i].Socket is not null)
                {
                    Complete(i, IoError);
                }
            }

            t_refused = true;
            throw;
        }
        finally
        {
            _used = 0;
        }
    }

    private void Complete(int index, int result)
    {
        Entry entry = _entries[index];
        _entries[index] = default;
        entry.Handle?.DangerousRelease();
        entry.Socket!.OnBatchSent(result, _buffer.AsSpan(entry.Offset, entry.Length), entry.Messages, entry.Kind);
    }

    private static string? Probe()
    {
        using SendRing? ring = SendRing.TryCreate(RingEntries, out string? why);
        return why;
    }

    /// <summary>An open gather on this thread; disposing it submits what was gathered.</summary>
    public readonly struct Scope(SendBatch? batch) : IDisposable
    {
        public void Dispose() => batch?.Flush();
    }

    private readonly record struct Entry(GameSocket? Socket, SafeHandle? Handle, int Offset, int Length, int Messages, FrameKind Kind);
}
