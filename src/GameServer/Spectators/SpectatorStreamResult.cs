using Microsoft.AspNetCore.Http.Features;

namespace GameServer.Spectators;

/// <summary>The SSE response on Kestrel: the stream's headers, response buffering off, then the stream itself.</summary>
public sealed class SpectatorStreamResult(SpectatorStream stream) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach ((string name, string value) in SpectatorResponse.Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        try
        {
            // Kestrel's pipe hands out memory to write into only once the response has started.
            await httpContext.Response.StartAsync(httpContext.RequestAborted);
            await stream.WriteAsync(httpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left, or the feed dropped it: the stream is over, and that is not an error.
        }
    }
}
