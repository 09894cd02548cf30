using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GameServer.Transport.Epoll;

/// <summary>
/// send(2), recv(2) and accept4(2) without <see cref="Socket"/>'s layers, which cost more than the calls'
/// own user-mode work on the hot path (perf/RESULTS.md). The socket's handle is held for each call, so its fd cannot be
/// closed, and its number reused by another socket, meanwhile; a socket already closed reads as
/// <see cref="SocketError.OperationAborted"/>.
/// </summary>
internal static unsafe partial class SocketCalls
{
    // As .NET sends: a peer gone must be an error, not a SIGPIPE.
    private const int NoSignal = 0x4000;
    private const int Interrupted = 4;
    private const int WouldBlock = 11;
    private const int ConnectionAborted = 103;
    private const int AcceptNonBlocking = 0x800;
    private const int AcceptCloseOnExec = 0x80000;

    public static int Send(SafeHandle socket, ReadOnlySpan<byte> bytes, out SocketError error)
    {
        fixed (byte* buffer = bytes)
        {
            return Call(socket, buffer, bytes.Length, send: true, out error);
        }
    }

    public static int Receive(SafeHandle socket, Span<byte> bytes, out SocketError error)
    {
        fixed (byte* buffer = bytes)
        {
            return Call(socket, buffer, bytes.Length, send: false, out error);
        }
    }

    /// <summary>
    /// The next connection waiting on a non-blocking listening socket, already non-blocking; null when none is
    /// (<see cref="SocketError.WouldBlock"/>) or the call failed. Unlike <see cref="Socket.Accept"/>, finding none is
    /// not an exception: the listener's loop asks until none is left.
    /// </summary>
    public static Socket? Accept(SafeHandle listening, out SocketError error)
    {
        bool held = false;
        try
        {
            listening.DangerousAddRef(ref held);
        }
        catch (ObjectDisposedException)
        {
            error = SocketError.OperationAborted;
            return null;
        }

        try
        {
            int fd = AcceptNext((int)listening.DangerousGetHandle(), out error);
            return fd < 0 ? null : new Socket(new SafeSocketHandle(fd, ownsHandle: true));
        }
        finally
        {
            listening.DangerousRelease();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AcceptNext(int fd, out SocketError error)
    {
        while (true)
        {
            int accepted = Accept4(fd, null, null, AcceptNonBlocking | AcceptCloseOnExec);
            if (accepted >= 0)
            {
                error = SocketError.Success;
                return accepted;
            }

            // A connection the peer reset while it waited is gone: on to the next.
            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (Interrupted or ConnectionAborted))
            {
                error = errno == WouldBlock ? SocketError.WouldBlock : SocketError.SocketError;
                return -1;
            }
        }
    }

    private static int Call(SafeHandle socket, byte* buffer, int length, bool send, out SocketError error)
    {
        bool held = false;
        try
        {
            socket.DangerousAddRef(ref held);
        }
        catch (ObjectDisposedException)
        {
            error = SocketError.OperationAborted;
            return 0;
        }

        int done = Transfer((int)socket.DangerousGetHandle(), buffer, length, send, out error);
        socket.DangerousRelease();
        return done;
    }

    // A method of its own, never inlined, so its P/Invokes are never in a try region (the callers' locks and the
    // handle's guard above): there the JIT cannot inline a call's transition to native code, and each send or recv went
    // through a runtime stub, with two more stubs for errno (perf/RESULTS.md, "P/Invokes out of try regions").
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Transfer(int fd, byte* buffer, int length, bool send, out SocketError error)
    {
        while (true)
        {
            nint done = send ? Send(fd, buffer, length, NoSignal) : Receive(fd, buffer, length, 0);
            if (done >= 0)
            {
                error = SocketError.Success;
                return (int)done;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                error = errno == WouldBlock ? SocketError.WouldBlock : SocketError.SocketError;
                return 0;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(int fd, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "accept4", SetLastError = true)]
    private static partial int Accept4(int fd, void* address, int* addressLength, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Receive(int fd, byte* buffer, nint length, int flags);
}
