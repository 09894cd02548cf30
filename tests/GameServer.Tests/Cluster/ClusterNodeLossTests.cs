using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>A node SIGKILLed: its matches leave the cluster's directory within a lease and end in the feed, and the other node plays on.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterNodeLossTests(RedisServer redis)
{
    // The lease runs out, then the other node's next pass sees it; beyond that, room for a loaded test machine.
    private static readonly TimeSpan s_leftWithin = RedisClusterSettings.LeaseTime + RedisClusterSettings.RenewInterval + TimeSpan.FromSeconds(3);

    [Fact]
    public async Task NodeBKilled_ItsMatchLeavesTheDirectoryAndEndsAsNodeLostWhileNodeAPlaysOn()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis);
        using HttpClient onA = cluster.A.CreateHttpClient();
        await using SseClient feedOnA = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        uint lost;
        await using (TestPlayer ada = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Ada"))
        {
            lost = ada.Welcome.MatchId;
            await FeedEvents.ReadThroughAsync(feedOnA, FeedEvents.StartOf(lost));
            await PollAsync(async () => ListedNode(await onA.GetFromJsonAsync<JsonElement>("/matches"), lost) is not null, TestPlayer.Patience);
            Assert.Equal(cluster.B.HttpBase.ToString().TrimEnd('/'), ListedNode(await onA.GetFromJsonAsync<JsonElement>("/matches"), lost));

            await cluster.B.KillAsync();
        }

        await PollAsync(async () => ListedNode(await onA.GetFromJsonAsync<JsonElement>("/matches"), lost) is null, s_leftWithin);
        List<SseMessage> ending = await FeedEvents.ReadThroughAsync(feedOnA, e => e.Event == "match.removed" && FeedEvents.IsOf(e, lost));
        // Its standings as B last sent them may come first; the end is told once, then the removal.
        SseMessage[] ofLost = [.. ending.Where(e => FeedEvents.IsOf(e, lost) && e.Event != "score")];
        Assert.Equal(["match.ended", "match.removed"], ofLost.Select(static e => e.Event));
        Assert.Equal("node-lost", ofLost[0].Json.GetProperty("reason").GetString());

        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Bob");
        await bob.SendInputAsync(1, 0);
        uint tick = bob.World.Tick;
        await bob.WaitForWorldAsync(w => w.Tick >= tick + 10);
        Assert.NotEqual(lost, bob.Welcome.MatchId);
    }

    private static string? ListedNode(JsonElement matches, uint matchId)
    {
        foreach (JsonElement match in matches.EnumerateArray())
        {
            if (match.GetProperty("id").GetUInt32() == matchId)
            {
                return match.GetProperty("node").GetString();
            }
        }

        return null;
    }

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
        {
            Assert.True(waited.Elapsed < within, $"Not so within {within.TotalSeconds} s.");
            await timer.WaitForNextTickAsync();
        }
    }
}
