using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Redis;

/// <summary>Servers whose feed is a Redis stream: what a spectator sees on one resumes on another, with no gap and no duplicate, then follows it live; heartbeats as in process.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFeedEndToEndTests(RedisServer redis)
{
    // A match that exists only in the log, for an event the test publishes itself.
    private const uint LogOnlyMatch = 900;

    [Fact]
    public async Task Events_LastEventIdFromOneServer_ResumesOnAnotherWithNoGapOrDuplicate()
    {
        Dictionary<string, string?> settings = Settings();
        await using TestServer first = await SpectatorTestServers.StartAsync(settings);
        await using SseClient watching = await SseClient.OpenAsync(first, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(first, "Ada");

        SseMessage joined = await watching.NextEventAsync("player.joined");
        Assert.Equal("Ada", joined.Json.GetProperty("name").GetString());
        var after = new List<SseMessage> { await watching.NextEventAsync(), await watching.NextEventAsync() };

        // Started only now: it learns the stream's positions from Redis, not from having watched it.
        await using TestServer second = await SpectatorTestServers.StartAsync(settings);
        await using SseClient resumed = await SseClient.OpenAsync(second, "/events", lastEventIdHeader: joined.Id);

        foreach (SseMessage expected in after)
        {
            SseMessage replayed = await resumed.NextEventAsync();
            Assert.Equal((expected.Event, expected.Id, expected.Data), (replayed.Event, replayed.Id, replayed.Data));
        }

        // Then live: an event of the first server's reaches the second server's spectator, under the same id.
        first.GetService<IMatchEventLog>().Publish(LogOnlyMatch,
            [new MatchFeedEvent(new GameEvent(500, GameEventKind.Pickup, 3, 0, (int)PickupKind.Health), "Ada", null)],
            SpectatorTestServers.Standings(LogOnlyMatch, new PlayerStanding(3, "Ada", 0, 0, true)));
        SseMessage live = await watching.NextEventAsync("pickup");
        SseMessage relayed = await resumed.NextEventAsync("pickup");
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

        Assert.Equal(": heartbeat", (await client.NextAsync())?.Lines.Single());
        Assert.Equal(": heartbeat", (await client.NextAsync())?.Lines.Single());
    }

    // A stream of its own per test: the tests share the redis-server.
    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Redis:FeedStreamKey"] = $"test:{Guid.NewGuid():N}",
    };
}
