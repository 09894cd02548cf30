using System.Globalization;
using Microsoft.Extensions.Options;

namespace GameServer.Admin;

/// <summary>
/// The admin API under <c>/admin/api</c> (protocol.md, "Admin API"): the node's samples and stream, its matches and
/// players, and the operator's actions. Mapped only while the console is on; the page at <c>/admin</c> reads it.
/// </summary>
public static partial class AdminEndpoints
{
    public const string ApiPath = "/admin/api";

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

    private static uint? ParseId(string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint id) ? id : null;

    private static IResult NoSuchMatch(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No live match on this node has id {id}.");
}
