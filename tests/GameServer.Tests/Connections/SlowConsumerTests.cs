using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;

namespace GameServer.Tests.Connections;

/// <summary>
/// A player that stops reading: its deltas are dropped, never queued without bound, and it is closed with 4000 after
/// the configured time, while the other player's deltas keep coming tick after tick. Socket buffers are made small on
/// both sides so that the backlog reaches the server's queue within seconds.
/// </summary>
public abstract class SlowConsumerTests(GameTransport transport, bool batchSends = true) : IAsyncLifetime
{
    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await SmallSocketBuffers.StartServerAsync(transport, TimeSpan.FromSeconds(1), batchSends);
        _probe = new MetricProbe(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _probe.Dispose();
    }

    [Fact]
    public async Task PlayerWhoStopsReading_IsClosedWith4000_WhileTheOtherKeepsEveryTick()
    {
        await using TestPlayer reader = await TestPlayer.JoinAsync(_server, "Reader");
        using ClientWebSocket stalled = await ConnectWithTinyReceiveBufferAsync(_server.WebSocketUri);
        await stalled.SendAsync(Frame(w => FrameWriter.WriteJoin(w, new JoinMessage("Stalled", reader.Welcome.MatchId, default))),
            WebSocketMessageType.Binary, true, CancellationToken.None);

        // Keep the world busy so the stalled player's backlog grows: the reader runs around and fires.
        using var moving = new CancellationTokenSource();
        Task mover = KeepMovingAsync(reader, moving.Token);

        await _probe.WaitForAsync("gameserver.closes[fell_behind]");
        await moving.CancelAsync();
        await mover;
        Assert.True(_probe.Total("gameserver.deltas.dropped") > 0);

        uint tick = reader.World.Tick;
        await reader.WaitForWorldAsync(w => w.Tick >= tick + 30);
        Assert.Equal(WebSocketState.Open, reader.Socket.State);

        // Only now does the stalled client read: the close frame waits at the end of what it never took.
        byte[] buffer = new byte[64 * 1024];
        while (stalled.State == WebSocketState.Open)
        {
            await stalled.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TestPlayer.Patience);
        }

        Assert.Equal((WebSocketCloseStatus)4000, stalled.CloseStatus);
    }

    /// <summary>
    /// A v2 player's frames carry its own ack, which the lean transport writes into the frame the match shares while
    /// it sends it: a frame that waits for a slow reader must be a copy of its own, or it would carry the ack of
    /// whichever player was sent the tick last.
    /// </summary>
    [Fact]
    public async Task V2PlayerWhoReadsLate_FindsItsOwnAckInEveryFrameThatWaited()
    {
        await using TestServer server = await SmallSocketBuffers.StartServerAsync(transport, TimeSpan.FromMinutes(1), batchSends);
        using var probe = new MetricProbe(server);
        await using TestPlayer reader = await TestPlayer.JoinAsync(server, "Reader", version: ProtocolConstants.Version2);
        await using TestPlayer late = await TestPlayer.ConnectAsync(server.WebSocketUri, read: false, version: ProtocolConstants.Version2,
            invoker: new HttpMessageInvoker(SmallSocketBuffers.ClientHandler()));
        late.RecordWorlds();
        await late.SendJoinAsync("Late", reader.Welcome.MatchId);
        await probe.WaitForAsync("gameserver.joins", 2);

        // Sent each tick after the late player (players are sent in the order they joined), with acks of its own.
        await using TestPlayer after = await TestPlayer.JoinAsync(server, "After", reader.Welcome.MatchId, ProtocolConstants.Version2);

        // The late player's inputs carry sequences the reader's never reach; the reader moves, so the frames grow,
        // until the late player's queue is full and deltas are dropped: frames have waited for it.
        const uint lateSequence = 1_000_000;
        using var moving = new CancellationTokenSource();
        Task mover = KeepMovingAsync(reader, moving.Token);
        Task afterMover = KeepMovingAsync(after, moving.Token);
        Task lateInputs = KeepSendingInputsAsync(late, lateSequence, moving.Token);
        await probe.WaitForAsync("gameserver.deltas.dropped");

        late.StartReading();
        await late.WaitForWorldAsync(_ => late.Ack > lateSequence && late.RecordedAcks.Count > 40);
        await moving.CancelAsync();
        await Task.WhenAll(mover, afterMover, lateInputs);

        Assert.All(late.RecordedAcks, ack => Assert.True(ack == 0 || ack > lateSequence, $"The late player was sent an ack of {ack}."));
    }

    /// <summary>Runs around and fires until stopped, so the match's frames keep coming and growing.</summary>
    internal static async Task KeepMovingAsync(TestPlayer player, CancellationToken stop)
    {
        var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        sbyte direction = 127;
        while (await timer.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            direction = (sbyte)-direction;
            await player.SendInputAsync(direction, direction, buttons: Buttons.Fire);
        }
    }

    /// <summary>Sends an idle input with the next sequence after <paramref name="sequence"/> every 20 ms until stopped.</summary>
    private static async Task KeepSendingInputsAsync(TestPlayer player, uint sequence, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (await timer.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            await player.SendAsync(w => FrameWriter.WriteInput(w, ++sequence, 0, 0, [0, 0, 0, 0]));
        }
    }

    private static byte[] Frame(Action<System.Buffers.IBufferWriter<byte>> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<ClientWebSocket> ConnectWithTinyReceiveBufferAsync(Uri uri)
    {
        var client = new ClientWebSocket();
        client.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        await client.ConnectAsync(uri, new HttpMessageInvoker(SmallSocketBuffers.ClientHandler()), CancellationToken.None);
        return client;
    }

    public sealed class Lean() : SlowConsumerTests(GameTransport.Lean);

    /// <summary>The lean transport with one send(2) per write, as where io_uring is unavailable.</summary>
    public sealed class LeanDirectSends() : SlowConsumerTests(GameTransport.Lean, batchSends: false);

    public sealed class Kestrel() : SlowConsumerTests(GameTransport.Kestrel);
}
