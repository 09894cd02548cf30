using System.Text;
using System.Text.Json;
using GameServer.Matches;

namespace GameServer.Admin;

/// <summary>The operator's actions: end a match, kick a player, drain and undrain; each logged with who did it.</summary>
public static partial class AdminEndpoints
{
    /// <summary>The longest kick reason, in UTF-8 bytes: a WebSocket close reason holds 123.</summary>
    public const int MaxKickReasonBytes = 120;

    // {"reason":"<120 bytes, escaped at worst six times over>"} with room to spare.
    private const int MaxKickBodyBytes = 1024;

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
}
