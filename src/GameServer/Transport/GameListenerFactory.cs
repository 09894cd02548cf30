using System.Net;
using System.Net.Sockets;
using GameServer.Connections;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// Kestrel's transport for TCP endpoints, replaced so that plain upgrades to <c>/ws</c> skip Kestrel: each accepted
/// socket's first bytes are peeked at; a game upgrade goes to <see cref="UpgradeHandshake"/> and <see cref="GameSocket"/>,
/// everything else to Kestrel as its own socket transport would have made it.
/// </summary>
public sealed class GameListenerFactory(
    IServiceProvider services,
    IOptions<GatewayOptions> options,
    IOptions<SocketTransportOptions> sockets,
    ILoggerFactory loggers)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => options.Value.Transport == GameTransport.Lean && endpoint is IPEndPoint;

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

            // Kestrel's share here is HTTP and SSE, whose code never blocks: a response's flush sends at once, on the
            // writer's thread, rather than queueing the send. Writing a summary to 5,000 spectators then holds one
            // pipe block at a time, not 5,000: 17.8 KiB of memory per spectator instead of 29.6 (perf/RESULTS.md).
            UnsafePreferInlineScheduling = true,
        };
        var contexts = new SocketConnectionContextFactory(pipes, loggers.CreateLogger<SocketConnectionContextFactory>());
        return ValueTask.FromResult<IConnectionListener>(new GameListener(listen, contexts, services.GetRequiredService<UpgradeHandshake>()));
    }
}
