using System.Net.Sockets;
using GameServer.Spectators;

namespace GameServer.Transport;

/// <summary>
/// A spectator's stream straight on its socket: the shared frames are sent as they are, with no pipe or buffer of
/// the connection's own. A spectator sends nothing after its request, so the socket
/// turning readable means it left (or broke the protocol): that ends the stream.
/// </summary>
internal sealed class SocketSpectatorOutput : ISpectatorOutput, IDisposable
{
    private readonly Socket _socket;
    private readonly List<byte[]> _pending = new(1);
    private readonly CancellationTokenSource _ended = new();
    private int _aborted;

    public SocketSpectatorOutput(Socket socket)
    {
        _socket = socket;
        _ = WatchAsync();
    }

    /// <summary>Cancelled when the client leaves or the stream is aborted.</summary>
    public CancellationToken Ended => _ended.Token;

    public void Add(byte[] frame) => _pending.Add(frame);

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (byte[] frame in _pending)
            {
                await _socket.SendAsync(frame, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _pending.Clear();
        }
    }

    /// <summary>
    /// Cuts the connection: the client sees it reset, never a stream that ended as if it were over. Cut before the
    /// stream is told: told first, it could end on this very thread and close the connection cleanly.
    /// </summary>
    public void Abort()
    {
        Volatile.Write(ref _aborted, 1);
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket.Dispose();
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream has ended meanwhile.
        }
    }

    /// <summary>Ends the response, unless it was cut: the stream is close-delimited, so its end is the connection's.</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _aborted) == 0)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
        _ended.Dispose();
    }

    private async Task WatchAsync()
    {
        try
        {
            // A zero-byte receive waits for the socket to turn readable without taking a buffer for it.
            await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Gone either way.
        }

        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended first.
        }
    }
}
