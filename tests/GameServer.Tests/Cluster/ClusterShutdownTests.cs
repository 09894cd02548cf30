using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>A node stopped with SIGTERM: it ends its matches in the cluster's feed and leaves the directory as it goes, not a lease later.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterShutdownTests(RedisServer redis)
{
    [Fact]
    public async Task NodeBTerminated_ItsMatchEndsAsShutdownInAsFeedAndLeavesTheDirectoryBeforeItExits()
    {
        // Leases far longer than the test: only B's own deregistration can take its match out of the directory.
        await using TestCluster cluster = await TestCluster.StartAsync(redis, new Dictionary<string, string?>
        {
            ["Redis:RenewInterval"] = "00:00:01",
            ["Redis:LeaseTime"] = "00:02:00",
        });
        using HttpClient onA = cluster.A.CreateHttpClient();
        await using SseClient feedOnA = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Ada");
        uint matchId = ada.Welcome.MatchId;
        await FeedEvents.ReadThroughAsync(feedOnA, FeedEvents.StartOf(matchId));

        Assert.Equal(0, await cluster.B.TerminateAsync(TimeSpan.FromSeconds(30)));

        Assert.DoesNotContain((await onA.GetFromJsonAsync<JsonElement>("/matches")).EnumerateArray(), m => m.GetProperty("id").GetUInt32() == matchId);
        List<SseMessage> ending = await FeedEvents.ReadThroughAsync(feedOnA, e => e.Event == "match.removed" && FeedEvents.IsOf(e, matchId));
        SseMessage[] ofMatch = [.. ending.Where(e => FeedEvents.IsOf(e, matchId) && e.Event is "match.ended" or "match.removed")];
        Assert.Equal(["match.ended", "match.removed"], ofMatch.Select(static e => e.Event));
        Assert.Equal("shutdown", ofMatch[0].Json.GetProperty("reason").GetString());
        Assert.Equal("Ada", ofMatch[0].Json.GetProperty("players")[0].GetProperty("name").GetString());
    }
}
