using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Tests.Cluster;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Faults;

/// <summary>A stopping server tells its players (close 1001) and exits within its shutdown time, leaving nothing behind.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_ClosesEveryPlayerWith1001()
    {
        TestServer server = await TestServer.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");

        await server.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await ada.WaitForCloseAsync());
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await bob.WaitForCloseAsync());
    }

    [Fact]
    public async Task Sigterm_TellsPlayersAndExitsWithinTheShutdownTimeout()
    {
        await using ServerProcess server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["Gateway:ShutdownTimeout"] = "00:00:05" });
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        var ping = new System.Buffers.ArrayBufferWriter<byte>();
        FrameWriter.WritePing(ping, new PingMessage(1));
        await socket.SendAsync(ping.WrittenMemory, WebSocketMessageType.Binary, true, CancellationToken.None);
        byte[] pong = new byte[64];
        await socket.ReceiveAsync(pong, CancellationToken.None).WaitAsync(TestPlayer.Patience);

        Task<int> exited = server.TerminateAsync(TimeSpan.FromSeconds(20));

        byte[] buffer = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TestPlayer.Patience);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
        Assert.Equal(0, await exited);
    }
}
