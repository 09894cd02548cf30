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
public abstract class SlowConsumerTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await SmallSocketBuffers.StartServerAsync(transport, TimeSpan.FromSeconds(1));
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

    public sealed class Kestrel() : SlowConsumerTests(GameTransport.Kestrel);
}
