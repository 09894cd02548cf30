using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Spectators;

/// <summary>The log's pump on a manual clock: scores coalesced to N a second per match, trailing scores, heartbeats.</summary>
public sealed class ScoreCoalescingTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly InMemoryMatchEventLog _log;

    public ScoreCoalescingTests()
    {
        var options = new SpectatorFeedOptions
        {
            ScoreEventsPerSecond = 4,
            HeartbeatInterval = TimeSpan.FromSeconds(15),
            SummaryInterval = TimeSpan.FromMinutes(1),
        };
        _log = new InMemoryMatchEventLog(Options.Create(options), _time, new SpectatorMetrics(_meters));
    }

    [Fact]
    public void Pump_BurstOfScoreChanges_EmitsOneScoreNowAndTheTrailingOneAQuarterSecondLater()
    {
        for (int score = 1; score <= 10; score++)
        {
            _log.Publish(1, [ScoreChanged(score)], Standings(1, score));
            TimeSpan wait = _log.Pump();
            _time.Advance(TimeSpan.FromMilliseconds(10));
            Assert.True(score == 1 || wait <= TimeSpan.FromMilliseconds(250), "The pump must come back for the held-back score.");
        }

        List<FeedEntry> entries = Entries();
        FeedEntry first = Assert.Single(entries);
        Assert.Equal("score", first.EventName);
        Assert.Contains("\"score\":1,", System.Text.Encoding.UTF8.GetString(first.Data), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMilliseconds(150));
        _log.Pump();

        Assert.Equal(2, Entries().Count);
        Assert.Contains("\"score\":10,", System.Text.Encoding.UTF8.GetString(Entries()[1].Data), StringComparison.Ordinal);
    }

    [Fact]
    public void Pump_HeldBackScore_CarriesTheTickOfTheLatestChangeItHolds()
    {
        for (uint tick = 100; tick <= 103; tick++)
        {
            _log.Publish(1, [ScoreChanged((int)tick)], Standings(1, (int)tick) with { Tick = tick });
            _log.Pump();
        }

        _time.Advance(TimeSpan.FromMilliseconds(250));
        _log.Pump();

        Assert.Equal([100u, 103u], Entries().Select(e => Tick(e)));
    }

    [Fact]
    public void Pump_KillsInABurst_GoOutAtOnceWhileScoresAreHeldBack()
    {
        _log.Publish(1, [Kill(100)], Standings(1, 10));
        _log.Pump();
        _log.Publish(1, [Kill(101)], Standings(1, 20));
        _log.Pump();

        Assert.Equal(["kill", "score", "kill"], Entries().Select(e => e.EventName));
    }

    [Fact]
    public void Pump_TwoMatches_AreCoalescedEachOnItsOwn()
    {
        _log.Publish(1, [ScoreChanged(5)], Standings(1, 5));
        _log.Publish(2, [ScoreChanged(5)], Standings(2, 5));
        _log.Pump();

        Assert.Equal([1u, 2u], Entries().Select(e => e.MatchId).Order());
    }

    [Fact]
    public void Pump_RemovedMatch_DropsItsHeldBackScoreAndSaysSo()
    {
        _log.Publish(1, [ScoreChanged(1)], Standings(1, 1));
        _log.Pump();
        _log.Publish(1, [ScoreChanged(2)], Standings(1, 2));
        _log.Remove(1, Standings(1, 2));
        _log.Pump();
        _time.Advance(TimeSpan.FromSeconds(1));
        _log.Pump();

        Assert.Equal(["score", "match.removed"], Entries().Select(e => e.EventName));
    }

    [Fact]
    public void Pump_HeartbeatInterval_BeatsOnceAnIntervalHasPassed()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), _log.Pump());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(5), _log.Pump());
        Assert.Equal(0, _log.Heartbeats);

        _time.Advance(TimeSpan.FromSeconds(5));
        _log.Pump();

        Assert.Equal(1, _log.Heartbeats);
    }

    public void Dispose() => _meters.Dispose();

    private static MatchFeedEvent ScoreChanged(int score) => new(new GameEvent(10, GameEventKind.ScoreChanged, 3, 0, score), "Ada", null);

    private static MatchFeedEvent Kill(uint tick) => new(new GameEvent(tick, GameEventKind.Kill, 3, 5, 0), "Ada", "Bob");

    private static MatchSummary Standings(uint matchId, int score) =>
        SpectatorTestServers.Standings(matchId, new PlayerStanding(3, "Ada", score, 0, true));

    private static uint Tick(FeedEntry entry) =>
        System.Text.Json.JsonDocument.Parse(entry.Data).RootElement.GetProperty("tick").GetUInt32();

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
