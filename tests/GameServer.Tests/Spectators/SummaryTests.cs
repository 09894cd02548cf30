using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Spectators;

/// <summary>The pump's periodic summary of this node's matches for the overview, on a manual clock.</summary>
public sealed class SummaryTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();
    private readonly InMemoryMatchEventLog _log;

    public SummaryTests()
    {
        var options = new SpectatorFeedOptions { SummaryInterval = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromMinutes(1) };
        _log = new InMemoryMatchEventLog(Options.Create(options), _time, new SpectatorMetrics(_meters));
    }

    [Fact]
    public void Pump_SummaryDue_ListsEachLiveMatchOnceWithItsLeaderAndItsClockCountedDown()
    {
        _log.Publish(2, [Kill(2)], Standings(2, new PlayerStanding(7, "Bob", 30, 3, true), new PlayerStanding(8, "Cy", 10, 1, true)));
        _log.Publish(1, [Kill(1)], Standings(1));
        Assert.True(_log.Pump() <= TimeSpan.FromSeconds(5), "The pump must come back for the summary.");
        _time.Advance(TimeSpan.FromSeconds(2));
        _log.Pump();
        Assert.DoesNotContain(Entries(), e => e.EventName == "summary");

        _time.Advance(TimeSpan.FromSeconds(3));
        _log.Pump();

        FeedEntry summary = Assert.Single(Entries(), e => e.EventName == "summary");
        Assert.True(summary.IsOverview);
        Assert.Equal(
            """{"matches":[{"id":1,"game":"arena","phase":"running","players":0,"capacity":16,"secondsLeft":115.5,"leader":null,"leaderScore":null},{"id":2,"game":"arena","phase":"running","players":2,"capacity":16,"secondsLeft":115.5,"leader":"Bob","leaderScore":30}]}""",
            System.Text.Encoding.UTF8.GetString(summary.Data));
    }

    [Fact]
    public void Pump_RemovedMatch_LeavesTheNextSummaryAndNoMatchesMeansNoSummary()
    {
        _log.Publish(1, [Kill(1)], Standings(1));
        _log.Publish(2, [Kill(2)], Standings(2));
        _log.Remove(1, Standings(1));
        _log.Pump();
        _time.Advance(TimeSpan.FromSeconds(5));
        _log.Pump();
        _log.Remove(2, Standings(2));
        _log.Pump();
        _time.Advance(TimeSpan.FromSeconds(5));
        _log.Pump();

        FeedEntry summary = Assert.Single(Entries(), e => e.EventName == "summary");
        JsonElement match = Assert.Single(JsonDocument.Parse(summary.Data).RootElement.GetProperty("matches").EnumerateArray().ToList());
        Assert.Equal(2u, match.GetProperty("id").GetUInt32());
    }

    [Fact]
    public void FeedEntry_EventsOfAMatch_AreOnTheOverviewOnlyForItsLifecycle()
    {
        string[] overview = ["match.started", "match.ended", "match.removed", "summary"];
        string[] detail = ["player.joined", "player.left", "player.disconnected", "player.resumed", "kill", "pickup", "score"];

        Assert.All(overview, name => Assert.True(FeedEventNames.IsOverview(name), name));
        Assert.All(detail, name => Assert.False(FeedEventNames.IsOverview(name), name));
    }

    public void Dispose() => _meters.Dispose();

    private static MatchFeedEvent Kill(uint matchId) => new(new GameEvent(10 + matchId, GameEventKind.Kill, 3, 5, 0), "Ada", "Bob");

    private static MatchSummary Standings(uint matchId, params PlayerStanding[] players) => SpectatorTestServers.Standings(matchId, players);

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
