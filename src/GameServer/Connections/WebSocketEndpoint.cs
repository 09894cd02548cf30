using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Security;

namespace GameServer.Connections;

/// <summary>The <c>/ws</c> endpoint: checks the handshake, upgrades, and runs the player connection.</summary>
public static partial class WebSocketEndpoint
{
    public static IEndpointConventionBuilder MapPlayerWebSocket(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(ProtocolConstants.Path, HandleAsync).RequireRateLimiting(ConnectionLimits.Policy);

    private static async Task HandleAsync(HttpContext context, GatewayServices services, ConnectionRegistry registry, TicketValidator tickets)
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

        JoinTicket? ticket = null;
        if (tickets.Required)
        {
            TicketCheck check = tickets.Check(TicketFrom(context.Request), out ticket);
            if (check != TicketCheck.Valid)
            {
                await TicketRefusal(check).ExecuteAsync(context);
                return;
            }
        }

        WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = ProtocolConstants.SubProtocol,
            KeepAliveInterval = services.Options.KeepAliveInterval,
            KeepAliveTimeout = services.Options.KeepAliveTimeout,
            DangerousEnableCompression = false,
        });

        var connection = new PlayerConnection(socket, context.TraceIdentifier, services, ticket);
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

    // Browsers cannot set headers on a WebSocket, so the query string carries the ticket; other clients may use the header.
    private static string? TicketFrom(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : request.Query["ticket"];
    }

    private static IResult TicketRefusal(TicketCheck check) => check switch
    {
        TicketCheck.Missing => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Ticket required",
            detail: "This server needs a join ticket: ?ticket=... or Authorization: Bearer ..."),
        TicketCheck.Expired => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Ticket expired"),
        TicketCheck.Reused => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Ticket already used"),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Ticket invalid"),
    };

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
