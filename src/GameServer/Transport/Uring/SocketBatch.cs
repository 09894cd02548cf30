using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace GameServer.Transport.Uring;

/// <summary>
/// One thread's socket calls of a pass, gathered while a <see cref="Gather"/> scope is open and handed to the kernel
/// in one io_uring submission when it closes, instead of one send(2) or recv(2) each: a match's tick writes to its
/// players, the reads of every socket one epoll wait found readable, or (in the swarm, which links this file) a
/// scheduler's sends to its bots. A system call costs about a microsecond on a virtualised host, as much as the rest
/// of a small send; at 1000 players in matches of 64 the floor's CPU fell by a quarter with its sends batched
/// (perf/RESULTS.md, "Sends batched through io_uring"). A send's bytes are copied into the batch's pinned buffer, so
/// the frame it came from (shared by the match's players, each one's ack written into it in turn) is free again at
/// once; a receive lands there and is copied out on completion. A socket with a send in the batch sends nothing else
/// until it is told how that one went (<see cref="IBatchedSocket.OnBatchSent"/>).
/// </summary>
/// <typeparam name="TSocket">What the calls complete into; each type has its own batch per thread.</typeparam>
internal sealed unsafe class SocketBatch<TSocket>
    where TSocket : class, IBatchedSocket
{
    private const uint RingEntries = 256;
    private const int BufferBytes = 256 * 1024;

    // Each thread gets its own ring at its first gather; a thread the kernel refused one calls directly from then on.
    [ThreadStatic]
    private static SocketBatch<TSocket>? t_batch;

    [ThreadStatic]
    private static bool t_refused;

    [ThreadStatic]
    private static SocketBatch<TSocket>? t_open;

    private readonly SocketRing _ring;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferBytes, pinned: true);
    private readonly Entry[] _entries;
    private int _used;
    private Exception? _failure;

    private SocketBatch(SocketRing ring)
    {
        _ring = ring;
        _entries = new Entry[ring.Capacity];
    }

    /// <summary>The batch of the scope open on this thread, if any: a socket's call goes there instead of to the kernel at once.</summary>
    public static SocketBatch<TSocket>? Open => t_open;

    /// <summary>
    /// Opens a scope on this thread in which sockets' calls are gathered; disposing it submits them and tells each
    /// socket how its call went. Does nothing when <paramref name="enabled"/> is false, io_uring is unavailable, or a
    /// scope is already open here.
    /// </summary>
    public static Scope Gather(bool enabled)
    {
        if (!enabled || t_open is not null || t_refused || SocketRing.Unavailable is not null)
        {
            return default;
        }

        if (t_batch is null)
        {
            SocketRing? ring = SocketRing.TryCreate(RingEntries, out _);
            if (ring is null)
            {
                t_refused = true;
                return default;
            }

            t_batch = new SocketBatch<TSocket>(ring);
        }

        t_open = t_batch;
        return new Scope(t_batch);
    }

    /// <summary>
    /// Adds a send of <paramref name="bytes"/> (copied) to <paramref name="socket"/>, holding its handle until the
    /// submission; false when the batch is full and the caller must send directly.
    /// </summary>
    public bool TryAddSend(TSocket socket, SafeHandle handle, ReadOnlySpan<byte> bytes)
    {
        if (!HasRoom(bytes.Length))
        {
            return false;
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        Add(new Entry(socket, Hold(handle), _used, bytes.Length, Receive: false));
        return true;
    }

    /// <summary>
    /// Adds a receive of up to <paramref name="length"/> bytes for <paramref name="socket"/>, holding its handle until
    /// the submission; false when the batch is full and the caller must read directly.
    /// </summary>
    public bool TryAddReceive(TSocket socket, SafeHandle handle, int length)
    {
        if (!HasRoom(length))
        {
            return false;
        }

        Add(new Entry(socket, Hold(handle), _used, length, Receive: true));
        return true;
    }

    private bool HasRoom(int length) => _ring.Pending < _ring.Capacity && _used + length <= _buffer.Length;

    private static SafeHandle? Hold(SafeHandle handle)
    {
        bool held = false;
        try
        {
            handle.DangerousAddRef(ref held);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: as the call itself would, the socket learns it from the completion (EBADF).
        }

        return held ? handle : null;
    }

    private void Add(Entry entry)
    {
        int index = _ring.Pending;
        _entries[index] = entry;
        int fd = entry.Handle is { } handle ? (int)handle.DangerousGetHandle() : -1;
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
            // The kernel took none of them (or some, unreported): each socket ends as after a failed call, and this
            // thread calls directly from now on.
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

        // A socket's handling of its completion failed: the others were all told first.
        if (_failure is { } failure)
        {
            _failure = null;
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private void Complete(int index, int result)
    {
        Entry entry = _entries[index];
        _entries[index] = default;
        entry.Handle?.DangerousRelease();
        ReadOnlySpan<byte> bytes = _buffer.AsSpan(entry.Offset, entry.Length);
        try
        {
            if (entry.Receive)
            {
                entry.Socket!.OnBatchReceived(result, bytes);
            }
            else
            {
                entry.Socket!.OnBatchSent(result, bytes);
            }
        }
        catch (Exception ex)
        {
            _failure ??= ex;
        }
    }

    /// <summary>An open gather on this thread; disposing it submits what was gathered, and throws the first exception a socket's completion threw.</summary>
    public readonly struct Scope(SocketBatch<TSocket>? batch) : IDisposable
    {
        public void Dispose() => batch?.Flush();
    }

    private readonly record struct Entry(TSocket? Socket, SafeHandle? Handle, int Offset, int Length, bool Receive);
}
