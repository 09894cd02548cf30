using System.Text;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Spectators;

/// <summary>An event the feed cannot write is skipped and counted; the events after it still reach the spectators.</summary>
public sealed class FeedFaultTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MetricRecorder _metrics;
    private readonly InMemoryMatchEventLog _log;

    public FeedFaultTests()
    {
        _metrics = new MetricRecorder(_meters);
        var options = new SpectatorFeedOptions { ScoreEventsPerSecond = 4, HeartbeatInterval = TimeSpan.FromSeconds(15) };
        _log = new InMemoryMatchEventLog(Options.Create(options), _time, new SpectatorMetrics(_meters));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Pump_EventWhoseJsonThrows_SkipsItCountsItAndWritesTheNextOnes()
    {
        _log.Publish(1, [Ended], ThrowingStandings.Summary(1));
        _log.Publish(2, [Started], Standings(2));

        _log.Pump();

        FeedEntry started = Assert.Single(Entries(), e => e.EventName == "match.started");
        Assert.Equal("{\"matchId\":2,\"tick\":10,\"game\":\"arena\"}", Encoding.UTF8.GetString(started.Data));
        Assert.DoesNotContain(Entries(), e => e.MatchId == 1);
        Assert.Equal(1, _log.FailedEvents);
        Assert.Equal(1, _metrics.Total("gameserver.feed.events.failed"));
    }

    [Fact]
    public void Pump_ScoreWhoseJsonThrows_SkipsItAndLaterPassesStillWork()
    {
        _log.Publish(1, [Started], ThrowingStandings.Summary(1));
        _log.Pump();
        _time.Advance(TimeSpan.FromSeconds(1));

        _log.Publish(2, [Started], Standings(2));
        _log.Pump();

        Assert.Equal(1, _log.FailedEvents);
        Assert.Equal(["match.started", "match.started", "score"], Entries().Select(e => e.EventName));
        Assert.Equal([1u, 2u, 2u], Entries().Select(e => e.MatchId));
    }

    [Fact]
    public async Task Feed_EventWhoseJsonThrows_LaterEventsStillReachAnSseClient()
    {
        await using TestServer server = await SpectatorTestServers.StartAsync();
        var log = server.GetService<IMatchEventLog>();
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");

        log.Publish(501, [Ended], ThrowingStandings.Summary(501));
        log.Publish(502, [Started], Standings(502));
        log.Publish(503, [Started], Standings(503));

        SseMessage first = await feed.NextEventAsync("match.started");
        SseMessage second = await feed.NextEventAsync("match.started");
        Assert.Equal(502, first.Json.GetProperty("matchId").GetInt32());
        Assert.Equal(503, second.Json.GetProperty("matchId").GetInt32());
        Assert.Equal(1, server.GetService<InMemoryMatchEventLog>().FailedEvents);
    }

    private static MatchFeedEvent Started => new(new GameEvent(10, GameEventKind.MatchStarted, 0, 0, 0), null, null);

    private static MatchFeedEvent Ended => new(new GameEvent(10, GameEventKind.MatchEnded, 3, 0, 0), "Ada", null);

    private static MatchSummary Standings(uint matchId) => SpectatorTestServers.Standings(matchId, new PlayerStanding(3, "Ada", 0, 0, true));

    private List<FeedEntry> Entries()
    {
        var entries = new List<FeedEntry>();
        for (long id = _log.FirstId; id <= _log.Ring.LastId; id++)
        {
            Assert.True(_log.Ring.TryGet(id, out FeedEntry entry));
            entries.Add(entry);
        }

        return entries;
    }
}
