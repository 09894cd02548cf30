using System.Buffers;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Transport;

namespace GameServer.Tests.Connections;

/// <summary>Replies to a client's own messages are never lost to a queue that deltas fill.</summary>
public abstract class ReplyTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:Transport"] = transport.ToString(),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SixtyPingsInOneWrite_WithinTheRate_GetSixtyPongs()
    {
        await using RawWebSocket raw = await RawWebSocket.ConnectAsync(_server.HttpBase);

        // A new connection's bucket holds the whole burst the default rate allows (60): all of them are within it.
        await raw.SendFramesAsync(Enumerable.Range(1, 60).Select(i => RawWebSocket.Frame(0x82, Encode(w => FrameWriter.WritePing(w, new PingMessage((uint)i))))));

        var world = new WorldState();
        var echoed = new HashSet<uint>();
        while (echoed.Count < 60 && await raw.ReadFrameAsync() is (0x2, byte[] payload))
        {
            if (ArenaMessageReader.TryRead(new ReadOnlySequence<byte>(payload), world, out ServerMessage message, out _) == DecodeStatus.Ok
                && message.Type == MessageType.Pong)
            {
                echoed.Add(message.Pong.ClientTime);
            }
        }

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (uint)i), echoed.Order());
    }

    private static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public sealed class Lean() : ReplyTests(GameTransport.Lean);

    public sealed class Kestrel() : ReplyTests(GameTransport.Kestrel);
}
