using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Security;
using GameServer.Transport;

namespace GameServer.Connections;

/// <summary>
/// The <c>/ws</c> endpoint on Kestrel, for upgrades the lean transport does not see (TLS, HTTP/2, an upgrade on a
/// reused connection, or the lean transport turned off): same checks, then the player over .NET's WebSocket.
/// </summary>
public static class WebSocketEndpoint
{
    public static IEndpointConventionBuilder MapPlayerWebSocket(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(ProtocolConstants.Path, HandleAsync).RequireConnectionCap();

    private static async Task HandleAsync(HttpContext context, GatewayServices services, ConnectionRegistry registry, UpgradePolicy policy)
    {
        IList<string> offered = context.WebSockets.WebSocketRequestedProtocols;
        int version = SubProtocols.Choose(offered.Contains(ProtocolConstants.SubProtocol), offered.Contains(ProtocolConstants.SubProtocolV2));
        UpgradeRefusal? refusal = policy.Check(context.WebSockets.IsWebSocketRequest, version != 0,
            context.Request.Headers.Origin, context.Request.Headers.Authorization, context.Request.Query["ticket"],
            context.Request.Query[UpgradePolicy.ResumeParameter], out JoinTicket? ticket);
        if (refusal is not null)
        {
            if (refusal.RetryAfter is TimeSpan after)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Results.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail).ExecuteAsync(context);
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = SubProtocols.Name(version),
            KeepAliveInterval = services.Options.KeepAliveInterval,
            KeepAliveTimeout = services.Options.KeepAliveTimeout,
            DangerousEnableCompression = false,
        });

        var transport = new ManagedWebSocketTransport(socket, services.Options.OutboundQueueFrames, services.Metrics);
        var connection = new PlayerConnection(transport, context.TraceIdentifier, services, ticket, context.Request.Query["seat"], version);
        transport.Start(connection, context.RequestAborted);
        await registry.RunAsync(connection);
    }
}
