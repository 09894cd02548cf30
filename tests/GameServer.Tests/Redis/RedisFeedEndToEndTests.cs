using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Redis;

/// <summary>Servers whose feed is a Redis stream: what a spectator sees on one resumes on another, with no gap and no duplicate, then follows it live; heartbeats as in process.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFeedEndToEndTests(RedisServer redis)
{
    // A match that exists only in the log, for the events the test publishes itself.
    private const uint LogOnlyMatch = 900;

    [Fact]
    public async Task Events_LastEventIdFromOneServer_ResumesOnAnotherWithNoGapOrDuplicate()
    {
        Dictionary<string, string?> settings = Settings();
        await using TestServer first = await SpectatorTestServers.StartAsync(settings);
        await using SseClient watching = await SseClient.OpenAsync(first, "/events");
        IMatchEventLog log = first.GetService<IMatchEventLog>();
        for (uint tick = 1; tick <= 3; tick++)
        {
            log.Publish(LogOnlyMatch, [new MatchFeedEvent(new GameEvent(tick, GameEventKind.MatchStarted, 0, 0, 0), null, null)], Standings());
        }

        SseMessage joined = await watching.NextEventAsync("match.started");
        var after = new List<SseMessage> { await watching.NextEventAsync("match.started"), await watching.NextEventAsync("match.started") };

        // Started only now: it learns the stream's positions from Redis, not from having watched it.
        await using TestServer second = await SpectatorTestServers.StartAsync(settings);
        await using SseClient resumed = await SseClient.OpenAsync(second, "/events", lastEventIdHeader: joined.Id);

        foreach (SseMessage expected in after)
        {
            SseMessage replayed = await resumed.NextEventAsync("match.started");
            Assert.Equal((expected.Event, expected.Id, expected.Data), (replayed.Event, replayed.Id, replayed.Data));
        }

        // Then live: an event of the first server's reaches the second server's spectator, under the same id.
        log.Publish(LogOnlyMatch, [new MatchFeedEvent(new GameEvent(500, GameEventKind.MatchEnded, 0, 0, 0), null, null)], Standings());
        SseMessage live = await watching.NextEventAsync("match.ended");
        SseMessage relayed = await resumed.NextEventAsync("match.ended");
        Assert.Equal((live.Id, live.Data), (relayed.Id, relayed.Data));
    }

    [Fact]
    public async Task Events_IdleStreamOnRedis_GetsHeartbeatComments()
    {
        Dictionary<string, string?> settings = Settings();
        settings["Spectators:HeartbeatInterval"] = "00:00:00.200";
        await using TestServer server = await SpectatorTestServers.StartAsync(settings);
        await using SseClient client = await SseClient.OpenAsync(server, "/events");
        await client.NextAsync();
        Assert.Equal("summary", (await client.NextAsync())?.Event);

        Assert.Equal(": heartbeat", (await client.NextAsync())?.Lines.Single());
        Assert.Equal(": heartbeat", (await client.NextAsync())?.Lines.Single());
    }

    private static MatchSummary Standings() => SpectatorTestServers.Standings(LogOnlyMatch, new PlayerStanding(3, "Ada", 0, 0, true));

    // A stream of its own per test: the tests share the redis-server.
    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Redis:FeedStreamKey"] = $"test:{Guid.NewGuid():N}",
    };
}
