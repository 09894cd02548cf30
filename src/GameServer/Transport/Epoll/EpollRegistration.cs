using System.Runtime.InteropServices;

namespace GameServer.Transport.Epoll;

/// <summary>One socket's place in an <see cref="EpollLoop"/>: what it is armed for, until it is released.</summary>
internal sealed class EpollRegistration(EpollLoop loop, SafeHandle handle, int fd, ulong token)
{
    private int _released;

    /// <summary>Sets the events the handler is told of (level-triggered, or once with <see cref="EpollInterop.OneShot"/>).</summary>
    public void Arm(uint events)
    {
        // Held so the fd cannot be closed, and its number reused by another socket, before the change reaches epoll.
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (Volatile.Read(ref _released) == 0)
            {
                loop.Arm(fd, token, events);
            }
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: nothing to arm.
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Sends the events to <paramref name="handler"/> from now on.</summary>
    public void Retarget(IReadinessHandler handler) => loop.Retarget(token, handler);

    /// <summary>Stops the events; the first call wins. Before the socket is closed or handed on.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            loop.Unregister(fd, token);
        }
    }
}
