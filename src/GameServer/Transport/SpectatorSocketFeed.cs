using System.Buffers;
using System.Net.Sockets;
using System.Text;
using GameServer.Security;
using GameServer.Spectators;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// Serves a spectator feed straight on a socket of the lean listener when it can open it at once: a plain GET over
/// HTTP/1.1 of <c>/events</c>, or of a live match's feed, within the caps. Anything else (a finished or unknown
/// match, a refusal, a request with a body) is left to Kestrel unread, and Kestrel answers it as it always has.
/// Kestrel holds about 16 KB of state per open stream; here a spectator holds its socket, its place in the log and a
/// watch for the client leaving (perf/RESULTS.md).
/// </summary>
public sealed partial class SpectatorSocketFeed(
    SpectatorFeed feed,
    ConnectionCaps caps,
    ClientAddresses clients,
    IOptions<ConnectionLimitOptions> limits,
    ILogger<SpectatorSocketFeed> logger)
{
    private const int MaxHeadBytes = 8192;
    private static readonly byte[] s_endOfHead = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] s_responseHead = ResponseHead();

    /// <summary>Streams the feed until it ends and returns true; or returns false at once, the request unread, for Kestrel.</summary>
    internal async Task<bool> TryStreamAsync(Socket socket)
    {
        Opened? opened;
        try
        {
            opened = await TryOpenAsync(socket).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (ex is not (SocketException or ObjectDisposedException))
            {
                LogStreamFailed(logger, ex);
            }

            socket.Dispose();
            return true;
        }

        if (opened is not var (stream, output, lease))
        {
            return false;
        }

        using (lease)
        using (output)
        {
            try
            {
                await stream.WriteAsync(output.Ended).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client left, or the feed dropped it: the stream is over, and that is not an error.
            }
            catch (Exception ex)
            {
                LogStreamFailed(logger, ex);
            }
        }

        return true;
    }

    private async Task<Opened?> TryOpenAsync(Socket socket)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxHeadBytes);
        IDisposable? lease = null;
        try
        {
            // Decided on the peeked head: until the head is taken from the socket, Kestrel can still have it whole.
            int headLength = await PeekHeadAsync(socket, buffer).ConfigureAwait(false);
            RequestHead? request = headLength < 0 ? null : RequestHead.Parse(buffer.AsSpan(0, headLength));
            if (request is null || request.Header("Content-Length") is not null || request.Header("Transfer-Encoding") is not null
                || !SpectatorFeedPaths.TryParse(request.Path, out uint? matchId))
            {
                return null;
            }

            if (matchId is uint id && await feed.Directory.FindAsync(id).ConfigureAwait(false) is null)
            {
                return null;
            }

            lease = caps.TryAcquire(clients.Of(socket, request));
            if (lease is null)
            {
                return null;
            }

            await TakeAsync(socket, buffer, headLength + s_endOfHead.Length).ConfigureAwait(false);
            await socket.SendAsync(s_responseHead, SocketFlags.None).ConfigureAwait(false);
            long? lastEventId = SpectatorFeedEndpoints.LastEventId(request.Header("Last-Event-ID"), request.Query(SpectatorFeedEndpoints.LastEventIdQuery));
            var output = new SocketSpectatorOutput(socket);
            return new Opened(new SpectatorStream(feed, output, matchId, lastEventId), output, lease);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Peeks until the blank line that ends the head; its length, or -1 when it does not fit or does not come in time.</summary>
    private async Task<int> PeekHeadAsync(Socket socket, byte[] buffer)
    {
        using var expiry = new CancellationTokenSource(limits.Value.IdleTimeout);
        try
        {
            while (true)
            {
                int peeked = await socket.ReceiveAsync(buffer, SocketFlags.Peek, expiry.Token).ConfigureAwait(false);
                int end = buffer.AsSpan(0, peeked).IndexOf(s_endOfHead);
                if (end >= 0 || peeked == 0 || peeked == buffer.Length)
                {
                    return end;
                }

                // A peek returns at once while any byte is there: wait a little for the rest of the head.
                await Task.Delay(5, expiry.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    /// <summary>Takes the head, already there, off the socket.</summary>
    private static async Task TakeAsync(Socket socket, byte[] buffer, int length)
    {
        for (int taken = 0; taken < length;)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(taken, length - taken), SocketFlags.None).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            taken += read;
        }
    }

    // No length and no chunking: the stream is close-delimited, which every SSE client reads (RFC 9112 6.3).
    private static byte[] ResponseHead()
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        foreach ((string name, string value) in SpectatorResponse.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("Connection: close\r\n\r\n").ToString());
    }

    private sealed record Opened(SpectatorStream Stream, SocketSpectatorOutput Output, IDisposable Lease);

    [LoggerMessage(EventId = 61, EventName = "SpectatorStreamFailed", Level = LogLevel.Error, Message = "A spectator stream on the lean listener failed")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
