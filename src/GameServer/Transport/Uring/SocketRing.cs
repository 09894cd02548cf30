using System.Runtime.InteropServices;

namespace GameServer.Transport.Uring;

/// <summary>
/// A Linux io_uring that takes only non-blocking sends and receives, for one thread: many sockets' calls handed to
/// the kernel in one system call instead of one send(2) or recv(2) each. Every call carries MSG_DONTWAIT, so the
/// kernel never parks one to retry it: each completes within the submitting call with what send(2) or recv(2) would
/// have returned (bytes, -EAGAIN, or an error), and its buffer is free again when <see cref="Submit"/> returns
/// (perf/RESULTS.md, "Sends batched through io_uring"). Not thread-safe. The fd and the mappings are released by the handle, also when the
/// owning thread ends without disposing it.
/// </summary>
internal sealed unsafe partial class SocketRing : IDisposable
{
    private const int SetupSyscall = 425;
    private const int EnterSyscall = 426;
    private const uint EnterGetEvents = 1;
    private const uint FeatureSingleMmap = 1;
    private const long SubmissionRingOffset = 0;
    private const long CompletionRingOffset = 0x8000000;
    private const long SubmissionEntriesOffset = 0x10000000;
    private const byte OpSend = 26;
    private const byte OpReceive = 27;
    private const int DontWait = 0x40;
    private const int NoSignal = 0x4000;
    private const int SubmissionEntryBytes = 64;
    private const int CompletionEntryBytes = 16;
    private const int Interrupted = 4;

    private readonly RingHandle _handle;
    private readonly uint* _sqHead;
    private readonly uint* _sqTail;
    private readonly uint _sqMask;
    private readonly uint* _sqArray;
    private readonly byte* _sqes;
    private readonly uint* _cqHead;
    private readonly uint* _cqTail;
    private readonly uint _cqMask;
    private readonly byte* _cqes;
    private uint _pending;

    private SocketRing(RingHandle handle, in Params p, byte* rings, byte* sqes)
    {
        _handle = handle;
        Capacity = (int)p.SqEntries;
        _sqHead = (uint*)(rings + p.SqHead);
        _sqTail = (uint*)(rings + p.SqTail);
        _sqMask = *(uint*)(rings + p.SqRingMask);
        _sqArray = (uint*)(rings + p.SqArray);
        _sqes = sqes;
        _cqHead = (uint*)(rings + p.CqHead);
        _cqTail = (uint*)(rings + p.CqTail);
        _cqMask = *(uint*)(rings + p.CqRingMask);
        _cqes = rings + p.Cqes;
    }

    /// <summary>Calls the ring holds between two submits.</summary>
    public int Capacity { get; }

    private static readonly Lazy<string?> s_unavailable = new(Probe);

    /// <summary>Why socket calls cannot be batched on this host (no io_uring, or a seccomp filter that blocks it); null when they can.</summary>
    public static string? Unavailable => s_unavailable.Value;

    /// <summary>Calls added and not yet submitted.</summary>
    public int Pending => (int)_pending;

    /// <summary>A ring of <paramref name="entries"/> sends (a power of two), or null with why where the kernel refuses one (no io_uring, or a seccomp filter that blocks it).</summary>
    public static SocketRing? TryCreate(uint entries, out string? why)
    {
        why = null;
        if (!OperatingSystem.IsLinux())
        {
            why = "not Linux";
            return null;
        }

        Params p = default;
        int fd = (int)syscall(SetupSyscall, entries, (nint)(&p), 0, 0, 0, 0);
        if (fd < 0)
        {
            why = $"io_uring_setup failed (errno {Marshal.GetLastPInvokeError()})";
            return null;
        }

        if ((p.Features & FeatureSingleMmap) == 0)
        {
            // Kernels before 5.4; IORING_OP_SEND needs 5.6 anyway.
            _ = close(fd);
            why = "kernel too old for io_uring sends";
            return null;
        }

        nint ringBytes = (nint)Math.Max(p.SqArray + (p.SqEntries * sizeof(uint)), p.Cqes + (p.CqEntries * CompletionEntryBytes));
        nint sqeBytes = (nint)(p.SqEntries * SubmissionEntryBytes);
        var handle = new RingHandle(fd);
        byte* rings = Map(fd, ringBytes, SubmissionRingOffset);
        byte* sqes = rings is null ? null : Map(fd, sqeBytes, SubmissionEntriesOffset);
        handle.Mapped(rings, ringBytes, sqes, sqeBytes);
        if (rings is null || sqes is null)
        {
            why = $"mmap of the io_uring failed (errno {Marshal.GetLastPInvokeError()})";
            handle.Dispose();
            return null;
        }

        var ring = new SocketRing(handle, p, rings, sqes);
        // Probed once: a kernel without IORING_OP_SEND (before 5.6) completes it with -EINVAL.
        ring.AddSend(-1, null, 0, 0);
        int result = 0;
        ring.Submit((_, res) => result = res);
        if (result == -22)
        {
            ring.Dispose();
            why = "kernel without io_uring sends";
            return null;
        }

        return ring;
    }

    /// <summary>Adds a send of <paramref name="length"/> bytes at <paramref name="bytes"/> (which must stay put until <see cref="Submit"/> returns) to <paramref name="fd"/>.</summary>
    public void AddSend(int fd, byte* bytes, int length, ulong token) => Add(OpSend, fd, bytes, length, token);

    /// <summary>Adds a receive of up to <paramref name="length"/> bytes from <paramref name="fd"/> into <paramref name="bytes"/> (which must stay put until <see cref="Submit"/> returns).</summary>
    public void AddReceive(int fd, byte* bytes, int length, ulong token) => Add(OpReceive, fd, bytes, length, token);

    private void Add(byte opcode, int fd, byte* bytes, int length, ulong token)
    {
        if (_pending == Capacity)
        {
            throw new InvalidOperationException("The ring is full: submit first.");
        }

        uint tail = *_sqTail + _pending;
        uint index = tail & _sqMask;
        byte* sqe = _sqes + (index * SubmissionEntryBytes);
        new Span<byte>(sqe, SubmissionEntryBytes).Clear();
        sqe[0] = opcode;
        *(int*)(sqe + 4) = fd;
        *(ulong*)(sqe + 16) = (ulong)bytes;
        *(uint*)(sqe + 24) = (uint)length;
        *(int*)(sqe + 28) = opcode == OpSend ? DontWait | NoSignal : DontWait;
        *(ulong*)(sqe + 32) = token;
        _sqArray[index] = index;
        _pending++;
    }

    /// <summary>Submits the calls added and waits for their completions, which come at once (none can wait); <paramref name="completed"/> gets each one's token and result (bytes sent or received, or -errno).</summary>
    public void Submit<TState>(TState state, Action<TState, ulong, int> completed)
    {
        uint count = _pending;
        if (count == 0)
        {
            return;
        }

        // The kernel reads the tail in the call below: the entries written above must be visible before it.
        Volatile.Write(ref *_sqTail, *_sqTail + count);
        _pending = 0;
        uint submitted = 0;
        uint reaped = 0;
        while (reaped < count)
        {
            long entered = syscall(EnterSyscall, _handle.Fd, count - submitted, count - reaped, EnterGetEvents, 0, 0);
            if (entered >= 0)
            {
                submitted += (uint)entered;
            }
            else if (Marshal.GetLastPInvokeError() != Interrupted)
            {
                throw new System.ComponentModel.Win32Exception(Marshal.GetLastPInvokeError(), "io_uring_enter failed");
            }

            reaped += Reap(state, completed);
        }
    }

    /// <summary>As <see cref="Submit{TState}"/>, for a caller with no state.</summary>
    public void Submit(Action<ulong, int> completed) => Submit(completed, static (c, token, result) => c(token, result));

    public void Dispose() => _handle.Dispose();

    private static string? Probe()
    {
        using SocketRing? ring = TryCreate(256, out string? why);
        return why;
    }

    private uint Reap<TState>(TState state, Action<TState, ulong, int> completed)
    {
        uint head = *_cqHead;
        uint tail = Volatile.Read(ref *_cqTail);
        for (uint at = head; at != tail; at++)
        {
            byte* cqe = _cqes + ((at & _cqMask) * CompletionEntryBytes);
            completed(state, *(ulong*)cqe, *(int*)(cqe + 8));
        }

        Volatile.Write(ref *_cqHead, tail);
        return tail - head;
    }

    private static byte* Map(int fd, nint length, long offset)
    {
        const int Read = 1, Write = 2, Shared = 1, Populate = 0x8000;
        byte* address = (byte*)mmap(null, length, Read | Write, Shared | Populate, fd, offset);
        return address == (byte*)-1 ? null : address;
    }

    // struct io_uring_params with its two offset blocks, as the kernel lays it out (120 bytes on every architecture).
    [StructLayout(LayoutKind.Sequential)]
    private struct Params
    {
        public uint SqEntries;
        public uint CqEntries;
        public uint Flags;
        public uint SqThreadCpu;
        public uint SqThreadIdle;
        public uint Features;
        public uint WqFd;
        public uint Reserved0;
        public uint Reserved1;
        public uint Reserved2;
        public uint SqHead;
        public uint SqTail;
        public uint SqRingMask;
        public uint SqRingEntries;
        public uint SqFlags;
        public uint SqDropped;
        public uint SqArray;
        public uint SqReserved;
        public ulong SqUserAddress;
        public uint CqHead;
        public uint CqTail;
        public uint CqRingMask;
        public uint CqRingEntries;
        public uint CqOverflow;
        public uint Cqes;
        public uint CqFlags;
        public uint CqReserved;
        public ulong CqUserAddress;
    }

    /// <summary>The ring's fd and mappings, released once, by Dispose or by the finalizer of a thread's forgotten ring.</summary>
    private sealed class RingHandle(int fd) : SafeHandle(-1, ownsHandle: true)
    {
        private byte* _rings;
        private nint _ringBytes;
        private byte* _sqes;
        private nint _sqeBytes;

        public int Fd { get; } = fd;

        public override bool IsInvalid => false;

        public void Mapped(byte* rings, nint ringBytes, byte* sqes, nint sqeBytes)
        {
            _rings = rings;
            _ringBytes = ringBytes;
            _sqes = sqes;
            _sqeBytes = sqeBytes;
        }

        protected override bool ReleaseHandle()
        {
            if (_sqes is not null)
            {
                _ = munmap(_sqes, _sqeBytes);
            }

            if (_rings is not null)
            {
                _ = munmap(_rings, _ringBytes);
            }

            return close(Fd) == 0;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long a, long b, long c, long d, long e, long f);

    [LibraryImport("libc", SetLastError = true)]
    private static partial void* mmap(void* address, nint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc")]
    private static partial int munmap(void* address, nint length);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
