using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Connections;

/// <summary>The lean transport's own HTTP handshake, fed what no browser sends: each gets its status, and the server carries on.</summary>
public sealed class HandshakeTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task HeadOverEightKiB_Gets431()
    {
        // Exactly the 8 KiB the server reads, with no end of head in it: nothing is left unread when it answers.
        string start = "GET /ws HTTP/1.1\r\nHost: localhost\r\nX-Padding: ";
        byte[] head = Encoding.ASCII.GetBytes(start + new string('a', 8192 - start.Length));

        string response = await ExchangeAsync(head);

        Assert.StartsWith("HTTP/1.1 431", response, StringComparison.Ordinal);
        await StillServesAsync();
    }

    [Fact]
    public async Task OlderWebSocketVersion_Gets426NamingVersion13()
    {
        string response = await ExchangeAsync(Request(version: "8"));

        Assert.StartsWith("HTTP/1.1 426", response, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Version: 13", response, StringComparison.Ordinal);
        await StillServesAsync();
    }

    [Theory]
    [InlineData("GET /ws HTTP/1.0\r\nHost: x\r\n\r\n")]
    [InlineData("GET /ws HTTP/1.1\r\nthis line has no colon\r\n\r\n")]
    public async Task MalformedHead_Gets400(string head)
    {
        string response = await ExchangeAsync(Encoding.ASCII.GetBytes(head));

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        await StillServesAsync();
    }

    [Fact]
    public async Task PlainGetOfTheEndpoint_Gets400WithProblemDetails()
    {
        string response = await ExchangeAsync(Encoding.ASCII.GetBytes("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("WebSocket only", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadInPieces_WithAJoinRightBehindIt_IsUpgradedAndWelcomed()
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);
        NetworkStream stream = tcp.GetStream();
        byte[] request = Request();
        var join = new System.Buffers.ArrayBufferWriter<byte>();
        FrameWriter.WriteJoin(join, new JoinMessage("Eager", null, default));

        // The request line arrives in two pieces, and the client's first frame in the same write as the end of the head.
        await stream.WriteAsync(request.AsMemory(0, 3));
        await stream.FlushAsync();
        await stream.WriteAsync(request.AsMemory(3).ToArray().Concat(RawWebSocket.Frame(0x82, join.WrittenSpan.ToArray())).ToArray());

        string response = await ReadHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 101", response, StringComparison.Ordinal);
        byte[] header = new byte[2];
        await stream.ReadExactlyAsync(header).AsTask().WaitAsync(TestPlayer.Patience);
        byte[] payload = new byte[header[1] & 0x7F];
        await stream.ReadExactlyAsync(payload).AsTask().WaitAsync(TestPlayer.Patience);
        Assert.Equal((byte)MessageType.Welcome, payload[1]);
    }

    [Fact]
    public async Task FramesOfSeveralKiBInTheSameWriteAsTheHead_AreAllRead()
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);
        NetworkStream stream = tcp.GetStream();

        // Four Pings, each padded to about 900 bytes with a trailing element (which a receiver ignores): more than a
        // connection's receive buffer holds, all behind the head in one write.
        byte[] frames = Enumerable.Range(1, 4).SelectMany(i => RawWebSocket.Frame(0x82, PaddedPing((uint)i, 900))).ToArray();
        await stream.WriteAsync(Request().Concat(frames).ToArray());

        Assert.StartsWith("HTTP/1.1 101", await ReadHeadAsync(stream), StringComparison.Ordinal);
        var world = new WorldState();
        for (uint expected = 1; expected <= 4; expected++)
        {
            byte[] header = new byte[2];
            await stream.ReadExactlyAsync(header).AsTask().WaitAsync(TestPlayer.Patience);
            byte[] payload = new byte[header[1] & 0x7F];
            await stream.ReadExactlyAsync(payload).AsTask().WaitAsync(TestPlayer.Patience);
            Assert.Equal(DecodeStatus.Ok, ArenaMessageReader.TryRead(new System.Buffers.ReadOnlySequence<byte>(payload), world, out ServerMessage pong, out _));
            Assert.Equal(expected, pong.Pong.ClientTime);
        }
    }

    private static byte[] PaddedPing(uint clientTime, int padding)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePack.MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write((byte)MessageType.Ping);
        writer.Write(clientTime);
        writer.Write(new byte[padding]);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Request(string version = "13")
    {
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return Encoding.ASCII.GetBytes("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: {version}\r\nSec-WebSocket-Protocol: {ProtocolConstants.SubProtocol}\r\n\r\n");
    }

    private async Task<string> ExchangeAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);
        NetworkStream stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(TestPlayer.Patience);
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        byte[] one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one).AsTask().WaitAsync(TestPlayer.Patience);
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private async Task StillServesAsync()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "After");
        await player.NextAsync(MessageType.Delta);
    }
}
