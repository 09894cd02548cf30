using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GameServer.Transport.Epoll;

/// <summary>Linux's epoll and eventfd, as libc declares them.</summary>
internal static partial class EpollInterop
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint Hangup = 0x010;
    public const uint PeerHangup = 0x2000;
    public const uint OneShot = 1u << 30;
    public const uint EdgeTriggered = 1u << 31;

    public const int Add = 1;
    public const int Delete = 2;
    public const int Modify = 3;

    private const int CloseOnExec = 0x80000;
    private const int EventNonBlocking = 0x800;
    private const int Interrupted = 4;

    // struct epoll_event is packed on x86-64 (12 bytes: events, then data at 4) and naturally aligned elsewhere
    // (16 bytes, data at 8): read and written by offset, so one build serves both.
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int s_dataOffset = EventSize - sizeof(ulong);

    public static int CreateEpoll() => Check(epoll_create1(CloseOnExec));

    public static int CreateEventFd() => Check(eventfd(0, CloseOnExec | EventNonBlocking));

    /// <summary>Adds, modifies or deletes <paramref name="fd"/>'s interest; false when the fd is gone (closed by its owner meanwhile).</summary>
    public static unsafe bool Control(int epoll, int operation, int fd, uint events, ulong data)
    {
        byte* ev = stackalloc byte[16];
        var span = new Span<byte>(ev, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(span, events);
        MemoryMarshal.Write(span[s_dataOffset..], in data);
        return epoll_ctl(epoll, operation, fd, ev) == 0;
    }

    /// <summary>Waits for events into <paramref name="events"/> (<see cref="EventSize"/> bytes each); the count, 0 when interrupted.</summary>
    public static unsafe int Wait(int epoll, Span<byte> events, int timeoutMs)
    {
        fixed (byte* buffer = events)
        {
            int count = epoll_wait(epoll, buffer, events.Length / EventSize, timeoutMs);
            if (count >= 0)
            {
                return count;
            }

            return Marshal.GetLastPInvokeError() == Interrupted ? 0 : Check(count);
        }
    }

    public static uint EventsAt(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt32LittleEndian(events[(index * EventSize)..]);

    public static ulong DataAt(ReadOnlySpan<byte> events, int index) =>
        MemoryMarshal.Read<ulong>(events[((index * EventSize) + s_dataOffset)..]);

    public static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        _ = write(eventFd, &one, sizeof(ulong));
    }

    public static unsafe void Drain(int eventFd)
    {
        ulong value;
        _ = read(eventFd, &value, sizeof(ulong));
    }

    public static void Close(int fd) => _ = close(fd);

    private static int Check(int result) =>
        result >= 0 ? result : throw new System.ComponentModel.Win32Exception(Marshal.GetLastPInvokeError());

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_wait(int epfd, byte* events, int maxevents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initval, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, void* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint read(int fd, void* buffer, nint count);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
