using System.Globalization;
using System.Text.Json;
using GameServer.Admission;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Seats;
using Microsoft.Extensions.Options;

namespace GameServer.Http;

/// <summary>
/// POST /matchmaking: a seat in the fullest joinable match of a game in the cluster (or the match asked for), and the WebSocket
/// URL of the node that runs it. The seat is held for <see cref="MatchmakingOptions.SeatHoldTime"/>; protocol.md,
/// "Matchmaking (HTTP)", is the contract.
/// </summary>
public static class MatchmakingEndpoints
{
    public const string Path = "/matchmaking";

    // {"matchId":4294967295} or {"game":"..."} with room to spare: anything longer is not a request of ours.
    private const int MaxBodyBytes = 1024;

    public static void MapMatchmaking(this IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, IMatchmaker matchmaker, GameCatalog games, LocalSeats seats, SeatMetrics metrics,
        IAdvertisedNode node, IPlayerAdmission admission, IOptions<AdmissionOptions> admissionOptions, GatewayMetrics gateway, CancellationToken cancellationToken)
    {
        if (admission.RefusalReason is string refusal)
        {
            gateway.JoinRefused();
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(admissionOptions.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not taking players now", detail: refusal);
        }

        (MatchmakingRequest request, IResult? invalid) = await ReadRequestAsync(context.Request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        // A match has its game: the game names what a quick join looks for, as Join's 5th element does.
        MatchPlacement placement = request.MatchId is uint id
            ? await matchmaker.JoinAsync(id, PlacementScope.Cluster, cancellationToken)
            : await matchmaker.QuickJoinAsync(request.Game, PlacementScope.Cluster, cancellationToken);
        switch (placement.Outcome)
        {
            case JoinOutcome.UnknownGame:
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such game",
                    detail: $"No such game here; the games are {string.Join(", ", games.Names)}.");
            case JoinOutcome.NotFound:
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No live match has id {placement.MatchId}.");
            case JoinOutcome.Full:
            case JoinOutcome.Elsewhere:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Match full",
                    detail: $"Match {placement.MatchId} is full or has ended; POST /matchmaking without a match for another.");
        }

        metrics.Reserved(!placement.IsLocal);
        MatchmakingResponse seat = placement.IsLocal
            ? new(placement.MatchId, node.Address is NodeAddress here ? NodeUrls.WebSocket(here) : NodeUrls.WebSocket(context.Request),
                seats.Hold(placement.MatchId), seats.HoldTime.TotalSeconds)
            : new(placement.MatchId, NodeUrls.WebSocket(placement.Node!.Value), placement.Reservation!, seats.HoldTime.TotalSeconds);
        return Results.Ok(seat);
    }

    /// <summary>
    /// The match asked for (<c>?matchId=</c> or a JSON body <c>{"matchId":7}</c>) or the game to quick-join (<c>?game=</c>
    /// or <c>{"game":"tag"}</c>); untrusted, so capped and checked.
    /// </summary>
    private static async ValueTask<(MatchmakingRequest Request, IResult? Invalid)> ReadRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var none = new MatchmakingRequest(null);
        string? game = request.Query.TryGetValue("game", out var gameQuery) ? gameQuery.ToString() : null;
        if (request.Query.TryGetValue("matchId", out var query))
        {
            return uint.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out uint id)
                ? (new MatchmakingRequest(id, game), null)
                : (none, BadRequest("matchId must be a match id (a whole number)."));
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType()))
        {
            return (new MatchmakingRequest(null, game), null);
        }

        if (request.ContentLength is not long length || length > MaxBodyBytes)
        {
            return (none, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                detail: $"The body is at most {MaxBodyBytes} bytes, with a Content-Length: {{\"matchId\":7}} or none."));
        }

        try
        {
            MatchmakingRequest? body = await request.ReadFromJsonAsync<MatchmakingRequest>(cancellationToken);
            return (body is null ? new MatchmakingRequest(null, game) : body with { Game = body.Game ?? game }, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return (none, BadRequest("The body must be JSON such as {\"matchId\":7} or {\"game\":\"tag\"}, or empty for any match of the default game."));
        }
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad matchmaking request", detail: detail);
}
