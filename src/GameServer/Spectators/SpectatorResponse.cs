namespace GameServer.Spectators;

/// <summary>
/// The headers of every spectator stream, whichever server writes them: those <c>TypedResults.ServerSentEvents</c>
/// would send (content type, no caching, no compression) and the feed's own (any origin may read it; proxies such as
/// nginx must not buffer it, or events would not reach the browser at once).
/// </summary>
public static class SpectatorResponse
{
    public static readonly KeyValuePair<string, string>[] Headers =
    [
        new("Content-Type", "text/event-stream"),
        new("Cache-Control", "no-cache,no-store"),
        new("Pragma", "no-cache"),
        new("Content-Encoding", "identity"),
        new("X-Accel-Buffering", "no"),
        new("Access-Control-Allow-Origin", "*"),
    ];
}
