using System.Globalization;
using GameServer.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GameServer.Spectators;

/// <summary>The spectator feed's endpoints: <c>GET /events</c> (every match) and <c>GET /matches/{id}/events</c>.</summary>
public static class SpectatorFeedEndpoints
{
    internal const string LastEventIdQuery = "lastEventId";

    private static readonly string[] s_methods = [HttpMethods.Get, HttpMethods.Options];

    // Without this, routing answers a CORS preflight (OPTIONS with Access-Control-Request-Method) with 405 itself.
    private static readonly HttpMethodMetadata s_acceptPreflight = new(s_methods, acceptCorsPreflight: true);

    public static IEndpointRouteBuilder MapSpectatorFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SpectatorFeedPaths.All, s_methods, StreamAll).WithMetadata(s_acceptPreflight).RequireConnectionCap();
        endpoints.MapMethods(SpectatorFeedPaths.OneMatch, s_methods, StreamMatch).WithMetadata(s_acceptPreflight).RequireConnectionCap();
        return endpoints;
    }

    private static Results<SpectatorStreamResult, NoContent> StreamAll(HttpContext context, SpectatorFeed feed)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            SpectatorCors.AnswerPreflight(context.Response);
            return TypedResults.NoContent();
        }

        return new SpectatorStreamResult(new SpectatorStream(feed, new ResponseOutput(context), matchId: null, LastEventId(context.Request)));
    }

    private static async Task<Results<SpectatorStreamResult, NoContent, ProblemHttpResult>> StreamMatch(uint id, HttpContext context, SpectatorFeed feed)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            SpectatorCors.AnswerPreflight(context.Response);
            return TypedResults.NoContent();
        }

        SpectatorCors.AllowAnyOrigin(context.Response);
        if (await feed.Directory.FindAsync(id, context.RequestAborted) is null)
        {
            // 204 tells an EventSource to stop reconnecting: the match is over for good.
            return await feed.Directory.WasRemovedAsync(id, context.RequestAborted)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No match has id {id}.");
        }

        return new SpectatorStreamResult(new SpectatorStream(feed, new ResponseOutput(context), id, LastEventId(context.Request)));
    }

    /// <summary>
    /// The header wins over the query: a browser's EventSource reconnects to the same URL (query and all) with the
    /// header naming the latest id it saw. A value that is not an id comes back as -1, which is reset.
    /// </summary>
    private static long? LastEventId(HttpRequest request) =>
        LastEventId(request.Headers["Last-Event-ID"].ToString(), request.Query[LastEventIdQuery].ToString());

    /// <summary>The same from the header's and the query's raw values (the lean listener reads them itself).</summary>
    internal static long? LastEventId(string? header, string? query)
    {
        string? value = string.IsNullOrEmpty(header) ? query : header;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : -1;
    }
}
