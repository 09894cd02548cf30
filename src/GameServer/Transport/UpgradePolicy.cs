using GameServer.Admission;
using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Security;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// What an upgrade to <c>/ws</c> must show before it is let in, judged the same on both transports: a WebSocket
/// request, the subprotocol, an allowed Origin, room on the server, and a valid ticket when tickets are required.
/// </summary>
public sealed class UpgradePolicy(IOptions<GatewayOptions> options, IOptions<AdmissionOptions> admissionOptions, IPlayerAdmission admission, TicketValidator tickets,
    ResumeDirectory resumes, GatewayMetrics metrics)
{
    /// <summary>The query parameter that names the resume token a reconnecting player will Join with.</summary>
    public const string ResumeParameter = "resume";

    private static readonly UpgradeRefusal s_notWebSocket = new(StatusCodes.Status400BadRequest, "WebSocket only",
        $"Open a WebSocket with subprotocol {ProtocolConstants.SubProtocolV2} (or {ProtocolConstants.SubProtocol}).");

    private static readonly UpgradeRefusal s_noSubProtocol = new(StatusCodes.Status400BadRequest, "Subprotocol required",
        $"Offer the WebSocket subprotocol {ProtocolConstants.SubProtocolV2} (or {ProtocolConstants.SubProtocol}).");

    private static readonly UpgradeRefusal s_foreignOrigin = new(StatusCodes.Status403Forbidden, "Origin not allowed");

    /// <summary>Null when the upgrade may go ahead; <paramref name="ticket"/> is then the ticket it presented, if any.</summary>
    /// <param name="authorization">The Authorization header; a bearer token there is a ticket.</param>
    /// <param name="queryTicket">The <c>ticket</c> query parameter: browsers cannot set headers on a WebSocket.</param>
    /// <param name="queryResume">The <c>resume</c> query parameter: the resume token (base64url) of a player coming back, let in while the node drains.</param>
    public UpgradeRefusal? Check(bool isWebSocket, bool offersSubProtocol, string? origin, string? authorization, string? queryTicket, string? queryResume,
        out JoinTicket? ticket)
    {
        ticket = null;
        if (!isWebSocket)
        {
            return s_notWebSocket;
        }

        if (!offersSubProtocol)
        {
            return s_noSubProtocol;
        }

        string[] allowed = options.Value.AllowedOrigins;
        if (allowed.Length > 0 && origin is not null && !allowed.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return s_foreignOrigin;
        }

        if (admission.RefusalReason is string refusal && !(refusal == NodeDrain.RefusalReason && IsLiveResume(queryResume)))
        {
            metrics.JoinRefused();
            return new UpgradeRefusal(StatusCodes.Status503ServiceUnavailable, "Not taking players now", refusal, admissionOptions.Value.RetryAfter);
        }

        if (!tickets.Required)
        {
            return null;
        }

        string? presented = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : queryTicket;
        return tickets.Check(presented, out ticket) switch
        {
            TicketCheck.Valid => null,
            TicketCheck.Missing => new UpgradeRefusal(StatusCodes.Status401Unauthorized, "Ticket required",
                "This server needs a join ticket: ?ticket=... or Authorization: Bearer ..."),
            TicketCheck.Expired => new UpgradeRefusal(StatusCodes.Status403Forbidden, "Ticket expired"),
            TicketCheck.Reused => new UpgradeRefusal(StatusCodes.Status403Forbidden, "Ticket already used"),
            _ => new UpgradeRefusal(StatusCodes.Status403Forbidden, "Ticket invalid"),
        };
    }

    // Only a token that still holds a seat here counts: a draining node takes back its own players, nobody else.
    private bool IsLiveResume(string? presented) =>
        ResumeToken.TryParseBase64Url(presented, out ResumeToken token) && resumes.Find(token) is not null;
}
