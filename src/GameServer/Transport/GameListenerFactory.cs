using System.Net;
using System.Net.Sockets;
using GameServer.Connections;
using GameServer.Transport.Epoll;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// Kestrel's transport for TCP endpoints, replaced so that plain upgrades to <c>/ws</c> skip Kestrel: each accepted
/// socket's first bytes are peeked at; a game upgrade goes to <see cref="UpgradeHandshake"/> and <see cref="GameSocket"/>,
/// a spectator feed to <see cref="SpectatorSocketFeed"/> when it can open it, everything else to Kestrel as its own
/// socket transport would have made it.
/// </summary>
public sealed class GameListenerFactory(
    IServiceProvider services,
    IOptions<GatewayOptions> options,
    IOptions<SocketTransportOptions> sockets,
    ILoggerFactory loggers)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    /// <summary>TCP endpoints of the lean transport, on Linux (its epoll loops); elsewhere Kestrel's transport serves them.</summary>
    public bool CanBind(EndPoint endpoint) => options.Value.Transport == GameTransport.Lean && endpoint is IPEndPoint && OperatingSystem.IsLinux();

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        // Kestrel's socket options still apply: how the listen socket is made (tests shrink its buffers) and the pipes.
        SocketTransportOptions transport = sockets.Value;
        Socket listen;
        try
        {
            listen = transport.CreateBoundListenSocket(endpoint);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new AddressInUseException(ex.Message, ex);
        }

        listen.Listen(transport.Backlog);
        var pipes = new SocketConnectionFactoryOptions
        {
            IOQueueCount = transport.IOQueueCount,
            WaitForDataBeforeAllocatingBuffer = transport.WaitForDataBeforeAllocatingBuffer,
            MaxReadBufferSize = transport.MaxReadBufferSize,
            MaxWriteBufferSize = transport.MaxWriteBufferSize,
            UnsafePreferInlineScheduling = transport.UnsafePreferInlineScheduling,
        };
        var contexts = new SocketConnectionContextFactory(pipes, loggers.CreateLogger<SocketConnectionContextFactory>());
        return ValueTask.FromResult<IConnectionListener>(new GameListener(listen, contexts, services.GetRequiredService<UpgradeHandshake>(), services.GetRequiredService<SpectatorSocketFeed>(), services.GetRequiredService<EpollLoops>(),
            services.GetRequiredService<TimeProvider>(), loggers.CreateLogger<GameListener>()));
    }
}
