using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace GameServer.Tests.Infrastructure;

/// <summary>
/// Small socket and Kestrel buffers on both ends, so that a client which stops reading backs the server's writes up
/// within a few kilobytes instead of megabytes: slow-reader tests then take seconds.
/// </summary>
public static class SmallSocketBuffers
{
    /// <summary>
    /// A server whose backlog to a slow reader fills within seconds: small buffers, 120 ticks a second, a queue of 8
    /// frames, and <paramref name="maxBehind"/> before a reader that stays behind is closed; the lean transport's
    /// tick writes batched through io_uring unless <paramref name="useIoUring"/> is false.
    /// </summary>
    public static Task<TestServer> StartServerAsync(GameServer.Transport.GameTransport transport, TimeSpan maxBehind, bool useIoUring = true) =>
        TestServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Tick:TickRate"] = "120",
                ["Gateway:OutboundQueueFrames"] = "8",
                ["Gateway:MaxBehind"] = maxBehind.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                ["Gateway:Transport"] = transport.ToString(),
                ["Gateway:UseIoUring"] = useIoUring.ToString(),
            },
            ConfigureServer);

    public static void ConfigureServer(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxResponseBufferSize = 1024);
        builder.WebHost.UseSockets(options =>
        {
            options.MaxWriteBufferSize = 1024;
            options.CreateBoundListenSocket = endpoint =>
            {
                Socket socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = 4096;
                return socket;
            };
        });
    }

    /// <summary>A client handler whose sockets have a 2 KiB receive buffer.</summary>
    public static SocketsHttpHandler ClientHandler() => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048, NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };
}
