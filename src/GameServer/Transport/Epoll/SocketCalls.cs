using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GameServer.Transport.Epoll;

/// <summary>
/// send(2) and recv(2) on a player's socket without <see cref="Socket"/>'s layers, which cost more than the calls'
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

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static partial nint Receive(int fd, byte* buffer, nint length, int flags);
}
