using Microsoft.AspNetCore.Http.Features;

namespace GameServer.Spectators;

/// <summary>
/// The SSE response: the headers <c>TypedResults.ServerSentEvents</c> would send (content type, no caching, no
/// compression, response buffering off) and the feed's own, then the spectator's stream, which writes its
/// preformatted events itself.
/// </summary>
public sealed class SpectatorStreamResult(SpectatorStream stream) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpResponse response = httpContext.Response;
        SpectatorCors.AllowAnyOrigin(response);
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.ContentEncoding = "identity";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        // nginx and other proxies buffer responses unless told not to; an event must reach the browser at once.
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            // Kestrel's pipe hands out memory to write into only once the response has started.
            await response.StartAsync(httpContext.RequestAborted);
            await stream.WriteAsync(httpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left, or the feed dropped it: the stream is over, and that is not an error.
        }
    }
}
