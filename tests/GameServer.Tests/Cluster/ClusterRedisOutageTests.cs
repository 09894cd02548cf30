using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Seams;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>
/// Redis stopped during play and started again empty (it keeps nothing on disk), the harder case: both nodes play on,
/// list their matches again, and the feed gives the outage's events after it, ids still increasing. A redis-server of
/// the test's own, since it stops it.
/// </summary>
public sealed class ClusterRedisOutageTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();

    [Fact]
    public async Task RedisRestartedEmptyDuringPlay_BothNodesPlayOnListTheirMatchesAgainAndTheFeedLosesNoEvent()
    {
        // Heartbeats keep the spectator's reads from waiting on a quiet stream while Redis is away.
        await using TestCluster cluster = await TestCluster.StartAsync(_redis, new Dictionary<string, string?>
        {
            ["Spectators:HeartbeatInterval"] = "00:00:00.200",

            // A match a player: the joins of the outage start matches of their own, which the overview feed shows.
            ["Matchmaking:Capacity"] = "1",
        });
        using HttpClient onA = cluster.A.CreateHttpClient();
        using HttpClient onB = cluster.B.CreateHttpClient();
        await using SseClient feedOnA = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Ada");
        List<SseMessage> seen = await FeedEvents.ReadThroughAsync(feedOnA, FeedEvents.StartOf(ada.Welcome.MatchId));
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob");
        seen.AddRange(await FeedEvents.ReadThroughAsync(feedOnA, FeedEvents.StartOf(bob.Welcome.MatchId)));
        uint[] matches = [ada.Welcome.MatchId, bob.Welcome.MatchId];

        await _redis.StopAsync();
        await using TestPlayer cy = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Cy");
        await using TestPlayer dee = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Dee");
        await PlaysOnAsync(ada);
        await PlaysOnAsync(bob);
        await _redis.RestartAsync();

        await Eventually.TrueAsync(async () => await ListsAsync(onA, matches) && await ListsAsync(onB, matches));
        List<SseMessage> after = await FeedEvents.ReadThroughAsync(feedOnA, FeedEvents.AllStarted(cy.Welcome.MatchId, dee.Welcome.MatchId));
        seen.AddRange(after);
        Assert.DoesNotContain(after, static e => e.Event == "reset");
        FeedEvents.AssertIdsIncrease(seen);
        await PlaysOnAsync(cy);
        await PlaysOnAsync(dee);
    }

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    private static async Task PlaysOnAsync(TestPlayer player)
    {
        uint tick = player.World.Tick;
        await player.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }

    private static async Task<bool> ListsAsync(HttpClient node, uint[] matches)
    {
        JsonElement listed = await node.GetFromJsonAsync<JsonElement>("/matches");
        return matches.All(id => listed.EnumerateArray().Any(m => m.GetProperty("id").GetUInt32() == id));
    }
}
