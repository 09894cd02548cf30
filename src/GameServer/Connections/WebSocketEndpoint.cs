using System.Net.WebSockets;
using GameServer.Protocol;

namespace GameServer.Connections;

/// <summary>The <c>/ws</c> endpoint: checks the handshake, upgrades, and runs the player connection.</summary>
public static partial class WebSocketEndpoint
{
    public static IEndpointConventionBuilder MapPlayerWebSocket(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(ProtocolConstants.Path, HandleAsync);

    private static async Task HandleAsync(HttpContext context, GatewayServices services, ConnectionRegistry registry)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket only",
                detail: $"Open a WebSocket with subprotocol {ProtocolConstants.SubProtocol}.").ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(ProtocolConstants.SubProtocol))
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Subprotocol required",
                detail: $"Offer the WebSocket subprotocol {ProtocolConstants.SubProtocol}.").ExecuteAsync(context);
            return;
        }

        if (!IsOriginAllowed(context, services.Options))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed").ExecuteAsync(context);
            return;
        }

        WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = ProtocolConstants.SubProtocol,
            KeepAliveInterval = services.Options.KeepAliveInterval,
            KeepAliveTimeout = services.Options.KeepAliveTimeout,
            DangerousEnableCompression = false,
        });

        var connection = new PlayerConnection(socket, context.TraceIdentifier, services);
        Task running = connection.RunAsync(context.RequestAborted);
        registry.Add(connection, running);
        try
        {
            await running;
        }
        finally
        {
            registry.Remove(connection);
        }
    }

    private static bool IsOriginAllowed(HttpContext context, GatewayOptions options)
    {
        if (options.AllowedOrigins.Length == 0)
        {
            return true;
        }

        string? origin = context.Request.Headers.Origin;
        return origin is null || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }
}
