using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GameServer.LoadTest.Transport;

namespace GameServer.Tests.LoadTest;

/// <summary>
/// The swarm's raw WebSocket client against a hand-written server end on loopback: a message far larger than one
/// read (batched reads take at most 2 KiB each, direct ones the buffer's room) arrives whole, in order, either way.
/// </summary>
public sealed class RawWebSocketTransportTests
{
    private const string SubProtocol = "gameserver.v2";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReceiveAsync_MessagesLargerThanOneRead_ArriveWholeAndInOrder(bool useIoUring)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        byte[] large = RandomNumberGenerator.GetBytes(100_000);
        byte[] small = [1, 2, 3];
        Task server = ServeAsync(listener, [large, small]);

        var transport = new RawWebSocketTransport(new Uri($"ws://127.0.0.1:{endPoint.Port}/ws"), endPoint, seed: 7, SubProtocol, useIoUring);
        await using (transport)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await transport.ConnectAsync(timeout.Token);
            var sink = new CollectingSink();

            int closeCode = await transport.ReceiveAsync(sink, timeout.Token);

            Assert.Equal(1000, closeCode);
            Assert.Equal(2, sink.Messages.Count);
            Assert.Equal(large, sink.Messages[0]);
            Assert.Equal(small, sink.Messages[1]);
        }

        await server;
    }

    // Answers the upgrade, then writes each message as one unmasked binary frame and a close frame, all in one write.
    private static async Task ServeAsync(TcpListener listener, byte[][] messages)
    {
        using Socket socket = await listener.AcceptSocketAsync();
        string request = await ReadHeadAsync(socket);
        string key = request.Split("\r\n").First(line => line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))[18..].Trim();
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {SubProtocol}\r\n\r\n"));

        using var frames = new MemoryStream();
        foreach (byte[] message in messages)
        {
            WriteFrame(frames, 0x82, message);
        }

        WriteFrame(frames, 0x88, [0x03, 0xE8]);
        await socket.SendAsync(frames.ToArray());

        // Until the client goes: its close answer, or the socket's end.
        byte[] rest = new byte[256];
        while (await socket.ReceiveAsync(rest) > 0)
        {
        }
    }

    private static async Task<string> ReadHeadAsync(Socket socket)
    {
        var head = new StringBuilder();
        byte[] one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await socket.ReceiveAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private static void WriteFrame(MemoryStream frames, byte opcode, byte[] payload)
    {
        frames.WriteByte(opcode);
        if (payload.Length < 126)
        {
            frames.WriteByte((byte)payload.Length);
        }
        else
        {
            frames.WriteByte(127);
            frames.Write(BitConverter.GetBytes((ulong)payload.Length).Reverse().ToArray());
        }

        frames.Write(payload);
    }

    private sealed class CollectingSink : IMessageSink
    {
        public List<byte[]> Messages { get; } = [];

        public void OnMessage(ReadOnlyMemory<byte> message) => Messages.Add(message.ToArray());
    }
}
