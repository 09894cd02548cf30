using System.Globalization;
using System.Text;
using System.Text.Json;
using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Admin;

/// <summary>
/// The admin API under <c>/admin/api</c> (protocol.md, "Admin API"): the node's samples and stream, its matches and
/// players, and the operator's actions. Mapped only while the console is on; the page at <c>/admin</c> reads it.
/// </summary>
public static class AdminEndpoints
{
    public const string ApiPath = "/admin/api";

    /// <summary>The longest kick reason, in UTF-8 bytes: a WebSocket close reason holds 123.</summary>
    public const int MaxKickReasonBytes = 120;

    // {"reason":"<120 bytes, escaped at worst six times over>"} with room to spare.
    private const int MaxKickBodyBytes = 1024;

    /// <summary>Guards and maps the API when <see cref="AdminOptions.Enabled"/>; otherwise nothing, so every admin path answers 404.</summary>
    public static void MapAdminApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.Enabled)
        {
            return;
        }

        app.UseWhen(static context => context.Request.Path.StartsWithSegments(ApiPath), static branch => branch.UseMiddleware<AdminAuthMiddleware>());
        RouteGroupBuilder api = app.MapGroup(ApiPath);
        api.MapGet("/node", static (SampleRing ring) => Results.Json(ring.Latest, AdminJson.Options));
        api.MapGet("/stream", AdminStream.WriteAsync);
        api.MapGet("/matches", static (MatchStats stats) => Results.Json(stats.Matches(), AdminJson.Options));
        api.MapGet("/matches/{id}/players", static (string id, MatchStats stats) =>
            ParseId(id) is uint matchId && stats.Players(matchId) is List<AdminPlayer> players
                ? Results.Json(players, AdminJson.Options)
                : NoSuchMatch(id));
        api.MapPost("/matches/{id}/end", EndMatch);
        api.MapPost("/matches/{id}/players/{playerId}/kick", KickAsync);
        api.MapPost("/drain", static (HttpContext context, DrainControl drain, AdminLog log) => SetDraining(context, drain, log, true));
        api.MapPost("/undrain", static (HttpContext context, DrainControl drain, AdminLog log) => SetDraining(context, drain, log, false));
    }

    private static IResult EndMatch(string id, HttpContext context, LocalMatches matches, AdminLog log)
    {
        if (ParseId(id) is not uint matchId || matches.Find(matchId) is not MatchHost match)
        {
            return NoSuchMatch(id);
        }

        if (!match.TryRequestEnd(MatchEndReason.Operator))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Match already ended", detail: $"Match {id} has ended or is ending.");
        }

        log.Action(context, "end match", id);
        return Results.Json(new { ended = id }, AdminJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> KickAsync(string id, string playerId, HttpContext context, LocalMatches matches, AdminLog log)
    {
        string? reason = await ReadKickReasonAsync(context.Request);
        if (reason is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Reason required",
                detail: $"Send JSON {{\"reason\":\"...\"}}: a reason of 1 to {MaxKickReasonBytes} bytes of UTF-8, which the player's close frame carries.");
        }

        if (ParseId(id) is not uint matchId || matches.Find(matchId) is not MatchHost match)
        {
            return NoSuchMatch(id);
        }

        if (ParseId(playerId) is not uint player || !IsSeated(match, player))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such player", detail: $"Match {id} has no player {playerId}.");
        }

        match.Kick(player, reason);
        log.Action(context, "kick player", $"{playerId} of match {id} ({reason})");
        return Results.Json(new { kicked = player }, AdminJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult SetDraining(HttpContext context, DrainControl drain, AdminLog log, bool draining)
    {
        drain.Set(draining);
        log.Action(context, draining ? "drain" : "undrain", drain.NodeName);
        return Results.Json(new { draining }, AdminJson.Options);
    }

    /// <summary>The body's <c>reason</c>; null when the body is not <c>{"reason":"..."}</c> with 1 to 120 bytes of non-blank UTF-8.</summary>
    private static async Task<string?> ReadKickReasonAsync(HttpRequest request)
    {
        // Read up to one byte over the cap, Content-Length or chunked: a longer body is refused, not buffered.
        byte[] body = new byte[MaxKickBodyBytes + 1];
        int length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length is 0 or > MaxKickBodyBytes)
        {
            return null;
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(body.AsMemory(0, length));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("reason", out JsonElement reason)
                && reason.ValueKind == JsonValueKind.String
                && reason.GetString() is string text
                && !string.IsNullOrWhiteSpace(text)
                && Encoding.UTF8.GetByteCount(text) <= MaxKickReasonBytes
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsSeated(MatchHost match, uint playerId)
    {
        foreach (PlayerSlot slot in match.Players)
        {
            if (slot.PlayerId == playerId)
            {
                return true;
            }
        }

        return false;
    }

    private static uint? ParseId(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) ? id : null;

    private static IResult NoSuchMatch(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No live match on this node has id {id}.");
}
