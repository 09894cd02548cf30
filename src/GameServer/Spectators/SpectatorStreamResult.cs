namespace GameServer.Spectators;

/// <summary>
/// The SSE response: the feed's own headers, then <c>TypedResults.ServerSentEvents</c> (content type,
/// <c>Cache-Control: no-cache,no-store</c>, response buffering off, SseFormatter) over the spectator's stream.
/// </summary>
public sealed class SpectatorStreamResult(SpectatorStream stream) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        SpectatorCors.AllowAnyOrigin(httpContext.Response);

        // nginx and other proxies buffer responses unless told not to; an event must reach the browser at once.
        httpContext.Response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await TypedResults.ServerSentEvents(stream.ReadAsync(httpContext.RequestAborted)).ExecuteAsync(httpContext);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left, or the feed dropped it: the stream is over, and that is not an error.
        }
    }
}
