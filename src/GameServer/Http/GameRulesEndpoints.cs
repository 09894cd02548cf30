using GameServer.Matches;

namespace GameServer.Http;

/// <summary>Serves each registered game's rules document as <c>GET /{name}.json</c> (Arena's: <c>/arena.json</c>).</summary>
public static class GameRulesEndpoints
{
    public static void MapGameRules(this IEndpointRouteBuilder endpoints)
    {
        foreach (GameRegistration game in endpoints.ServiceProvider.GetServices<GameRegistration>())
        {
            if (game.Rules is null)
            {
                continue;
            }

            // The rules are fixed for the server's lifetime: the document is written once.
            byte[] document = game.Rules(endpoints.ServiceProvider);
            endpoints.MapGet($"/{game.Name}.json", (HttpContext context) =>
            {
                // Public, like the spectator feed: a page served from elsewhere (?server=) reads it too. no-cache, since a
                // restarted server may run another tick rate.
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.CacheControl = "no-cache";
                return TypedResults.Bytes(document, "application/json");
            });
        }
    }
}
