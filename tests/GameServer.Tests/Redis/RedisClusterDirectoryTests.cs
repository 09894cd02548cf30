using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;
using GameServer.Tests.Spectators;
using StackExchange.Redis;

namespace GameServer.Tests.Redis;

/// <summary>Two nodes on one Redis: each lists the other's matches, with ids of their own, until that node is gone.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisClusterDirectoryTests(RedisServer redis)
{
    private const string NodeA = "http://node-a.test";
    private const string NodeB = "http://node-b.test";

    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    [Fact]
    public async Task GetMatches_MatchOnAnotherNode_IsListedWithThatNodesAddress()
    {
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        await using TestServer b = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeB));
        await using TestPlayer ada = await TestPlayer.JoinAsync(b, "Ada");
        using HttpClient http = a.CreateHttpClient();

        // The first lease is written as the match opens, before Ada is in it; the next renewal shows her.
        await Eventually.TrueAsync(async () => Listed(await http.GetFromJsonAsync<JsonElement>("/matches"), ada.Welcome.MatchId)?.GetProperty("players").GetArrayLength() == 1);
        JsonElement listed = Listed(await http.GetFromJsonAsync<JsonElement>("/matches"), ada.Welcome.MatchId)!.Value;
        JsonElement found = await http.GetFromJsonAsync<JsonElement>($"/matches/{ada.Welcome.MatchId}");

        Assert.Equal(NodeB, listed.GetProperty("node").GetString());
        Assert.Equal(NodeB, found.GetProperty("node").GetString());
        Assert.Equal("Ada", found.GetProperty("players")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task QuickJoinAsync_OnTwoNodes_OpensMatchesWithDifferentIds()
    {
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        await using TestServer b = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeB));

        MatchPlacement onA = await a.GetService<IMatchmaker>().QuickJoinAsync();
        MatchPlacement onB = await b.GetService<IMatchmaker>().QuickJoinAsync();

        Assert.NotEqual(onA.MatchId, onB.MatchId);
    }

    [Fact]
    public async Task FindAsync_MatchJustOpenedOnAnotherNode_IsFoundWithoutWaitingForTheNextRenewal()
    {
        // Renewals far apart: only the lease written as the match opens can make it visible within the test's patience.
        Dictionary<string, string?> slow = RedisClusterSettings.For(redis, _prefix, NodeB);
        slow["Redis:RenewInterval"] = "00:01:00";
        slow["Redis:LeaseTime"] = "00:02:00";
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        await using TestServer b = await TestServer.StartAsync(slow);
        IMatchDirectory directory = a.GetService<IMatchDirectory>();

        uint matchId = (await b.GetService<IMatchmaker>().QuickJoinAsync()).MatchId;

        await Eventually.TrueAsync(async () => await directory.FindAsync(matchId) is not null);
        Assert.False(await directory.WasRemovedAsync(matchId));
    }

    [Fact]
    public async Task ListAsync_NodeStopped_ItsMatchesLeaveTheDirectory()
    {
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        TestServer b = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeB));
        uint matchId = (await b.GetService<IMatchmaker>().QuickJoinAsync()).MatchId;
        IMatchDirectory directory = a.GetService<IMatchDirectory>();
        await Eventually.TrueAsync(async () => await directory.FindAsync(matchId) is not null);

        await b.DisposeAsync();

        await Eventually.TrueAsync(async () => await directory.FindAsync(matchId) is null);
        Assert.DoesNotContain(await directory.ListAsync(), m => m.Id == matchId);
        Assert.True(await directory.WasRemovedAsync(matchId));
    }

    [Fact]
    public async Task ListAsync_NodeLostWithoutDeregistering_ItsMatchLeavesWhenTheLeaseExpiresAndEndsInTheFeed()
    {
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        IMatchDirectory directory = a.GetService<IMatchDirectory>();
        await using SseClient feed = await SseClient.OpenAsync(a, "/events");
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        IDatabase db = connection.GetDatabase();

        // What a node that died leaves behind: its place among the nodes, due, with its registration expired; its
        // list of matches; the owner entry, the last standings and a lease, about to expire.
        const uint LostMatch = 4_000_000;
        string lease = $$"""{"id":{{LostMatch}},"phase":"running","tick":90,"secondsLeft":12.5,"capacity":4,"players":[{"id":3,"name":"Ada","score":20,"kills":2,"connected":true}],"node":"http://node-c.test"}""";
        await db.SortedSetAddAsync(_prefix + "nodes", "dead-node", 0);
        await db.SetAddAsync(_prefix + "node-matches:dead-node", LostMatch);
        await db.HashSetAsync(_prefix + "matches", LostMatch, "dead-node");
        await db.HashSetAsync(_prefix + "standings", LostMatch, lease);
        await db.StringSetAsync(_prefix + "match:" + LostMatch, lease, TimeSpan.FromMilliseconds(500));
        Assert.Equal(new NodeAddress("http://node-c.test"), (await directory.FindAsync(LostMatch))?.Node);

        await Eventually.TrueAsync(async () => !await db.HashExistsAsync(_prefix + "matches", LostMatch));
        Assert.DoesNotContain(await directory.ListAsync(), m => m.Id == LostMatch);
        Assert.False(await db.HashExistsAsync(_prefix + "standings", LostMatch));
        Assert.Null(await db.SortedSetScoreAsync(_prefix + "nodes", "dead-node"));

        SseMessage ended = await feed.NextEventAsync("match.ended");
        Assert.Equal(LostMatch, ended.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal("node-lost", ended.Json.GetProperty("reason").GetString());
        Assert.Equal(90u, ended.Json.GetProperty("tick").GetUInt32());
        Assert.Equal(20, ended.Json.GetProperty("players")[0].GetProperty("score").GetInt32());
        Assert.Equal(LostMatch, (await feed.NextEventAsync("match.removed")).Json.GetProperty("matchId").GetUInt32());
    }

    [Fact]
    public async Task Events_NodeStoppedGracefully_ItsMatchesEndAsShutdownOnTheOtherNodesFeed()
    {
        await using TestServer a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeA));
        TestServer b = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, NodeB));
        await using SseClient feed = await SseClient.OpenAsync(a, "/events");
        TestPlayer ada = await TestPlayer.JoinAsync(b, "Ada");
        uint matchId = ada.Welcome.MatchId;

        await b.DisposeAsync();
        await ada.DisposeAsync();

        SseMessage ended = await feed.NextEventAsync("match.ended");
        Assert.Equal(matchId, ended.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal("shutdown", ended.Json.GetProperty("reason").GetString());
        Assert.Equal("Ada", ended.Json.GetProperty("players")[0].GetProperty("name").GetString());
        Assert.Equal(matchId, (await feed.NextEventAsync("match.removed")).Json.GetProperty("matchId").GetUInt32());
        Assert.Null(await a.GetService<IMatchDirectory>().FindAsync(matchId));
    }

    private static JsonElement? Listed(JsonElement matches, uint matchId)
    {
        foreach (JsonElement match in matches.EnumerateArray())
        {
            if (match.GetProperty("id").GetUInt32() == matchId)
            {
                return match;
            }
        }

        return null;
    }
}
