using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using GameServer.Transport.Epoll;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace GameServer.Transport;

/// <summary>
/// One bound TCP endpoint: accepts on an epoll loop, meets each socket there until its first bytes sort it (players,
/// spectators it can serve itself, the rest), and queues Kestrel's share for it.
/// </summary>
internal sealed partial class GameListener : IConnectionListener, IReadinessHandler
{
    // Per readiness of the listening socket; more waiting are taken at the loop's next wait.
    private const int MaxAcceptsPerReadiness = 64;
    // After a failed accept (out of file descriptors, mostly): the queue waits rather than the loop spinning on it.
    private static readonly TimeSpan s_acceptPause = TimeSpan.FromMilliseconds(100);

    private readonly EpollSocket _listen;
    private readonly SocketConnectionContextFactory _contexts;
    private readonly UpgradeHandshake _handshake;
    private readonly SpectatorSocketFeed _feeds;
    private readonly EpollLoops _loops;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _resume;
    private readonly Channel<ConnectionContext> _forKestrel = Channel.CreateUnbounded<ConnectionContext>(new UnboundedChannelOptions { SingleReader = true });
    private int _unbound;

    public GameListener(Socket listen, SocketConnectionContextFactory contexts, UpgradeHandshake handshake, SpectatorSocketFeed feeds, EpollLoops loops,
        TimeProvider time, ILogger<GameListener> logger)
    {
        _feeds = feeds;
        _loops = loops;
        _contexts = contexts;
        _handshake = handshake;
        _time = time;
        _logger = logger;
        EndPoint = listen.LocalEndPoint!;
        _listen = new EpollSocket(listen, loops.Next());
        _resume = time.CreateTimer(static state => ((GameListener)state!)._listen.Arm(EpollInterop.In), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _listen.Run(this, EpollInterop.In);
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
        if (Interlocked.Exchange(ref _unbound, 1) == 0)
        {
            _resume.Dispose();
            _listen.Close();
            _forKestrel.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await UnbindAsync().ConfigureAwait(false);
        _contexts.Dispose();
    }

    /// <summary>Hands a socket that is no player's (unread) to the spectator feed, or else to Kestrel.</summary>
    internal void HandOn(Socket other, UpgradeSniff sniff) => _ = Task.Run(() => HandOnAsync(other, sniff));

    void IReadinessHandler.OnReady(uint events)
    {
        for (int i = 0; i < MaxAcceptsPerReadiness; i++)
        {
            Socket? accepted = SocketCalls.Accept(_listen.Socket.SafeHandle, out SocketError error);
            if (accepted is null)
            {
                if (error is not (SocketError.WouldBlock or SocketError.OperationAborted))
                {
                    LogAcceptFailed(_logger, s_acceptPause.TotalMilliseconds);
                    _listen.Arm(EpollInterop.OneShot);
                    _resume.Change(s_acceptPause, Timeout.InfiniteTimeSpan);
                }

                return;
            }

            // Watched by an epoll loop from the start: a player's socket is never registered with the runtime's engine.
            ArrivingConnection.Meet(new EpollSocket(accepted, _loops.Next()), _handshake, this, _time);
        }
    }

    private async Task HandOnAsync(Socket other, UpgradeSniff sniff)
    {
        if (sniff == UpgradeSniff.Feed && await _feeds.TryStreamAsync(other).ConfigureAwait(false))
        {
            return;
        }

        if (!_forKestrel.Writer.TryWrite(_contexts.Create(other)))
        {
            other.Dispose();
        }
    }

    [LoggerMessage(EventId = 62, EventName = "AcceptFailed", Level = LogLevel.Warning,
        Message = "Accepting a connection failed (out of file descriptors?): accepting again in {PauseMs} ms")]
    private static partial void LogAcceptFailed(ILogger logger, double pauseMs);
}
