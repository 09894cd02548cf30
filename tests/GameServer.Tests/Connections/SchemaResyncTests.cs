using System.Buffers;
using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;

namespace GameServer.Tests.Connections;

/// <summary>
/// A v2 player that stops reading loses deltas and, once it reads again, is resynced with a v2 snapshot that its
/// schema reader applies, then deltas on from it. Small socket buffers make the backlog reach the server's queue soon.
/// </summary>
public abstract class SchemaResyncTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await SmallSocketBuffers.StartServerAsync(transport, TimeSpan.FromMinutes(1));
        _probe = new MetricProbe(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _probe.Dispose();
    }

    [Fact]
    public async Task V2PlayerWhoStopsReading_IsResyncedWithAV2Snapshot_AndDecodesEveryFrameAfter()
    {
        await using TestPlayer mover = await TestPlayer.JoinAsync(_server, "Mover");
        using var slow = new ClientWebSocket();
        slow.Options.AddSubProtocol(ProtocolConstants.SubProtocolV2);
        await slow.ConnectAsync(_server.WebSocketUri, new HttpMessageInvoker(SmallSocketBuffers.ClientHandler()), CancellationToken.None);
        var join = new ArrayBufferWriter<byte>();
        FrameWriter.WriteJoin(join, new JoinMessage("Slow", mover.Welcome.MatchId, default));
        await slow.SendAsync(join.WrittenMemory, WebSocketMessageType.Binary, true, CancellationToken.None);

        using (var moving = new CancellationTokenSource())
        {
            Task keepMoving = SlowConsumerTests.KeepMovingAsync(mover, moving.Token);
            await _probe.WaitForAsync("gameserver.deltas.dropped");
            await moving.CancelAsync();
            await keepMoving;
        }

        // Reading again: every frame decodes, and a second snapshot (the resync) is followed by deltas onto it.
        var reader = new SchemaMessageReader();
        byte[] buffer = new byte[1 << 20];
        int snapshots = 0;
        int deltasAfterResync = 0;
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        while (snapshots < 2 || deltasAfterResync < 10)
        {
            ServerMessage message = await ReadAsync(slow, reader, buffer, timeout.Token);
            snapshots += message.Type == MessageType.Snapshot ? 1 : 0;
            deltasAfterResync += snapshots >= 2 && message.Type == MessageType.Delta ? 1 : 0;
        }

        Assert.True(_probe.Total("gameserver.resyncs") >= 1);
        Assert.Equal(ProtocolConstants.SubProtocolV2, slow.SubProtocol);
    }

    private static async Task<ServerMessage> ReadAsync(ClientWebSocket socket, SchemaMessageReader reader, byte[] buffer, CancellationToken cancel)
    {
        int length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancel);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        DecodeStatus status = reader.TryRead(new ReadOnlySequence<byte>(buffer, 0, length), out ServerMessage message, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{status}: {reason}");
        return message;
    }

    public sealed class Lean() : SchemaResyncTests(GameTransport.Lean);

    public sealed class Kestrel() : SchemaResyncTests(GameTransport.Kestrel);
}
