using System.Net;
using System.Net.Sockets;

namespace GameServer.Transport.Epoll;

/// <summary>
/// An accepted socket watched by an <see cref="EpollLoop"/> from its first byte: awaitable non-blocking reads and
/// writes for the handshake, then a handler that takes every readiness on the loop's thread. The socket is
/// non-blocking throughout, so the runtime's socket engine never registers it.
/// </summary>
internal sealed class EpollSocket : IReadinessHandler
{
    private readonly EpollRegistration _registration;
    private TaskCompletionSource? _waiting;

    public EpollSocket(Socket socket, EpollLoop loop)
    {
        Socket = socket;
        socket.Blocking = false;
        _registration = loop.Register(socket, this);
    }

    public Socket Socket { get; }

    /// <summary>Connects without blocking (a client's socket, new and not connected): waits until the connection is made or refused.</summary>
    public async ValueTask ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            Socket.Connect(endPoint);
            return;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
        }

        await WhenReady(EpollInterop.Out, cancellationToken).ConfigureAwait(false);
        // SO_ERROR holds the connect's errno: 0, or why it failed (111 is ECONNREFUSED).
        int errno = (int)Socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (errno != 0)
        {
            throw new SocketException((int)(errno == 111 ? SocketError.ConnectionRefused : SocketError.SocketError));
        }
    }

    /// <summary>Reads what is there, or waits until something is (or the peer is gone).</summary>
    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, SocketFlags flags, CancellationToken cancellationToken)
    {
        while (true)
        {
            int read = Socket.Receive(buffer.Span, flags, out SocketError error);
            if (error == SocketError.Success)
            {
                return read;
            }

            if (error != SocketError.WouldBlock)
            {
                throw new SocketException((int)error);
            }

            await WhenReady(EpollInterop.In, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes all of <paramref name="bytes"/>, waiting whenever the socket would block.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (bytes.Length > 0)
        {
            int sent = Socket.Send(bytes.Span, SocketFlags.None, out SocketError error);
            if (error is not (SocketError.Success or SocketError.WouldBlock))
            {
                throw new SocketException((int)error);
            }

            bytes = bytes[sent..];
            if (bytes.Length > 0)
            {
                await WhenReady(EpollInterop.Out, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>From now on every readiness goes straight to <paramref name="handler"/>, level-triggered, for the events given.</summary>
    public void Run(IReadinessHandler handler, uint events)
    {
        _registration.Retarget(handler);
        _registration.Arm(events);
    }

    /// <summary>Changes the events the handler is told of.</summary>
    public void Arm(uint events) => _registration.Arm(events);

    /// <summary>Stops watching, leaving the socket open: before it is closed by its owner.</summary>
    public void Unwatch() => _registration.Release();

    /// <summary>Stops watching and gives the socket back, blocking again as a new socket is: for Kestrel or the feed.</summary>
    public Socket Detach()
    {
        _registration.Release();
        Socket.Blocking = true;
        return Socket;
    }

    /// <summary>Stops watching and closes the socket.</summary>
    public void Close()
    {
        _registration.Release();
        Socket.Dispose();
    }

    void IReadinessHandler.OnReady(uint events) => _waiting?.TrySetResult();

    private async Task WhenReady(uint events, CancellationToken cancellationToken)
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting = waiting;
        _registration.Arm(events | EpollInterop.OneShot);
        await using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetCanceled(), waiting))
        {
            await waiting.Task.ConfigureAwait(false);
        }
    }
}
