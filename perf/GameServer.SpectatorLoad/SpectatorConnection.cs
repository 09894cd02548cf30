using System.Net.Sockets;
using System.Text;

namespace GameServer.SpectatorLoad;

/// <summary>
/// One spectator on a raw socket: a plain HTTP/1.1 GET, then it reads (and drops) whatever comes, as an idle
/// browser tab would. Raw sockets keep the client's own cost small, so thousands fit beside the server.
/// </summary>
internal sealed class SpectatorConnection : IAsyncDisposable
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private Task _draining = Task.CompletedTask;

    /// <summary>Bytes received so far (headers, retry hint, events, heartbeats).</summary>
    public long Received { get; private set; }

    /// <summary>Connects and returns once the response's headers and the stream's first block have arrived.</summary>
    public async Task OpenAsync(Uri server, string path, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(server.Host, server.Port, cancellationToken);
        string request = $"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAccept: text/event-stream\r\n\r\n";
        await _socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancellationToken);

        byte[] buffer = new byte[4096];
        int length = 0;
        while (buffer.AsSpan(0, length).IndexOf("retry:"u8) < 0)
        {
            // A full buffer is an error only without the hint in it: a busy feed's snapshot can fill it at once.
            int read = await _socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken);
            length += read;
            if (read == 0 || (length == buffer.Length && buffer.AsSpan(0, length).IndexOf("retry:"u8) < 0))
            {
                throw new IOException("The server closed or sent an unexpected response.");
            }
        }

        if (!buffer.AsSpan(0, length).StartsWith("HTTP/1.1 200"u8))
        {
            throw new IOException("The server did not answer 200: " + Encoding.ASCII.GetString(buffer, 0, Math.Min(length, 64)));
        }

        Received = length;
        _draining = DrainAsync(cancellationToken);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[512];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                Received += read;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _draining.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
