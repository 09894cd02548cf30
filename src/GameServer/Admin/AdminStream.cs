using System.Buffers;

namespace GameServer.Admin;

/// <summary>
/// <c>GET /admin/api/stream</c>: one <c>history</c> event with the samples held, then one <c>sample</c> event per new
/// sample, until the client goes or the server stops. Read with fetch, since EventSource cannot send the token.
/// </summary>
internal static class AdminStream
{
    public static async Task WriteAsync(HttpContext context, SampleRing ring, IHostApplicationLifetime lifetime)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        CancellationToken cancellationToken = ending.Token;
        try
        {
            // Started first: before the response starts, its body writer hands out no memory to write into.
            await context.Response.StartAsync(cancellationToken);
            Task changed = ring.Changed;
            (byte[] history, long last) = ring.History();
            Write(context.Response.BodyWriter, "history"u8, history);
            await context.Response.BodyWriter.FlushAsync(cancellationToken);
            var fresh = new List<byte[]>();
            while (true)
            {
                await changed.WaitAsync(cancellationToken);
                changed = ring.Changed;
                fresh.Clear();
                last = ring.CopySince(last, fresh);
                foreach (byte[] sample in fresh)
                {
                    Write(context.Response.BodyWriter, "sample"u8, sample);
                }

                await context.Response.BodyWriter.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went, or the server is stopping: the stream just ends.
        }
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> eventName, ReadOnlySpan<byte> json)
    {
        output.Write("event: "u8);
        output.Write(eventName);
        output.Write("\ndata: "u8);
        output.Write(json);
        output.Write("\n\n"u8);
    }
}
