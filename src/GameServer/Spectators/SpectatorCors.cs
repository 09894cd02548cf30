namespace GameServer.Spectators;

/// <summary>
/// CORS for the feed only, so a scoreboard page on any origin can read it. Set by hand on these endpoints rather
/// than through the CORS middleware, which would have to be added to the whole pipeline.
/// </summary>
public static class SpectatorCors
{
    /// <summary>Lets any origin read the response; the feed is public and carries no credentials.</summary>
    public static void AllowAnyOrigin(HttpResponse response) => response.Headers.AccessControlAllowOrigin = "*";

    /// <summary>Answers a preflight (a client that sends Last-Event-ID itself, such as a fetch-based reader).</summary>
    public static void AnswerPreflight(HttpResponse response)
    {
        AllowAnyOrigin(response);
        response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
        response.Headers.AccessControlAllowHeaders = "Last-Event-ID, Cache-Control";
        response.Headers.AccessControlMaxAge = "86400";
    }
}
