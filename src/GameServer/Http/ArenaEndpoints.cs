using GameServer.Simulation;

namespace GameServer.Http;

/// <summary>Serves <c>GET /arena.json</c>, the Arena's map and rules for the server's tick rate (see <see cref="ArenaJson"/>).</summary>
public static class ArenaEndpoints
{
    public const string Path = "/arena.json";

    public static void MapArenaRules(this IEndpointRouteBuilder endpoints)
    {
        // The rules are fixed for the server's lifetime: the document is written once.
        byte[] document = ArenaJson.Write(endpoints.ServiceProvider.GetRequiredService<ArenaRules>());
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            // Public, like the spectator feed: a page served from elsewhere (?server=) reads it too. no-cache, since a
            // restarted server may run another tick rate.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Bytes(document, "application/json");
        });
    }
}
