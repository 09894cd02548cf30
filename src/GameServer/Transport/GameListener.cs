using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using GameServer.Transport.Epoll;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace GameServer.Transport;

/// <summary>
/// One bound TCP endpoint: accepts, sorts each socket by its first bytes (players, spectators it can serve itself,
/// the rest), and queues Kestrel's share for it.
/// </summary>
internal sealed class GameListener : IConnectionListener
{
    private readonly Socket _listen;
    private readonly SocketConnectionContextFactory _contexts;
    private readonly UpgradeHandshake _handshake;
    private readonly SpectatorSocketFeed _feeds;
    private readonly EpollLoops _loops;
    private readonly Channel<ConnectionContext> _forKestrel = Channel.CreateUnbounded<ConnectionContext>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();

    public GameListener(Socket listen, SocketConnectionContextFactory contexts, UpgradeHandshake handshake, SpectatorSocketFeed feeds, EpollLoops loops)
    {
        _feeds = feeds;
        _loops = loops;
        _listen = listen;
        _contexts = contexts;
        _handshake = handshake;
        EndPoint = listen.LocalEndPoint!;
        _ = AcceptLoopAsync();
    }

    public EndPoint EndPoint { get; }

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _forKestrel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _listen.Dispose();
            _forKestrel.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await UnbindAsync().ConfigureAwait(false);
        _contexts.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listen.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            _ = SortAsync(socket);
        }
    }

    private async Task SortAsync(Socket accepted)
    {
        // Watched by an epoll loop from the start: a player's socket is never registered with the runtime's engine.
        var socket = new EpollSocket(accepted, _loops.Next());
        UpgradeSniff sniff = await ConnectionSniff.SniffAsync(socket, _handshake.IdleTimeout).ConfigureAwait(false);
        if (sniff == UpgradeSniff.Game)
        {
            await _handshake.RunAsync(socket).ConfigureAwait(false);
            return;
        }

        if (sniff == UpgradeSniff.Silent)
        {
            socket.Close();
            return;
        }

        Socket other = socket.Detach();
        if (sniff == UpgradeSniff.Feed && await _feeds.TryStreamAsync(other).ConfigureAwait(false))
        {
            return;
        }

        if (!_forKestrel.Writer.TryWrite(_contexts.Create(other)))
        {
            other.Dispose();
        }
    }
}
