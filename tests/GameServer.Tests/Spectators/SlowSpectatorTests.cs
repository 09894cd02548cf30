using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>
/// A spectator that stops reading is disconnected once the log has moved past it by more than the buffer, while a
/// player's deltas keep coming tick after tick. Socket and Kestrel buffers are small on both sides so that the
/// stalled stream's writes back up within a few kilobytes; the log is fed with events published into it.
/// </summary>
public sealed class SlowSpectatorTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            new Dictionary<string, string?> { ["Spectators:ReplayBufferEvents"] = "32" },
            SmallSocketBuffers.ConfigureServer);
        _probe = new MetricProbe(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _probe.Dispose();
    }

    [Fact]
    public async Task SpectatorWhoStopsReading_IsDisconnected_WhileThePlayersTicksKeepTheirRate()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        await using SseClient stalled = await SseClient.OpenAsync(_server, "/events", handler: SmallSocketBuffers.ClientHandler());
        await _probe.WaitForAsync("gameserver.spectators");

        using var publishing = new CancellationTokenSource();
        Task publisher = KeepPublishingAsync(_server.GetService<IMatchEventLog>(), publishing.Token);
        await _probe.WaitForAsync("gameserver.spectators.dropped");
        Assert.True(_probe.Total("gameserver.spectators.events") > 0);
        await publishing.CancelAsync();
        await publisher;

        uint tick = player.World.Tick;
        await player.WaitForWorldAsync(w => w.Tick >= tick + 30);

        // Only now does the stalled client read: what it was sent, then the end of a stream that was cut.
        string? lastId = null;
        bool cut = false;
        try
        {
            while (await stalled.NextAsync() is SseMessage message)
            {
                lastId = message.Id ?? lastId;
            }
        }
        catch (IOException)
        {
            cut = true;
        }

        Assert.True(cut, "The stalled stream should have been cut, not ended cleanly.");
        Assert.NotNull(lastId);

        // Its browser reconnects from the last id it got: long gone from the buffer, so it is reset.
        await using SseClient resumed = await SseClient.OpenAsync(_server, "/events", lastEventIdHeader: lastId);
        Assert.Equal("reset", (await resumed.NextEventAsync()).Event);
    }

    // Big names fill the stalled connection's buffers in a few dozen events: a match's end (the overview carries
    // it), its winner's name a kilobyte long.
    private static async Task KeepPublishingAsync(IMatchEventLog log, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        string name = new('x', 1000);
        MatchSummary standings = SpectatorTestServers.Standings(900);
        uint tick = 0;
        while (await timer.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            tick++;
            log.Publish(900, [new MatchFeedEvent(new GameEvent(tick, GameEventKind.MatchEnded, 3, 0, 0), name, null)], standings);
        }
    }
}
