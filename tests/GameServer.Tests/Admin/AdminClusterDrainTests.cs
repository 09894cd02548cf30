using System.Net;
using GameServer.Matches;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Seams;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Admin;

/// <summary>On a cluster, other nodes place nobody in a draining node's matches, and the shared feed says which node drains.</summary>
[Collection(RedisCollection.Name)]
public sealed class AdminClusterDrainTests(RedisServer redis) : IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private TestServer _a = null!;
    private TestServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await TestServer.StartAsync(RedisClusterSettings.For(redis, _prefix, nodeAddress: ""));
        Dictionary<string, string?> b = RedisClusterSettings.For(redis, _prefix, nodeAddress: "");
        b["Admin:Tokens:alice"] = AdminServers.Token;
        _b = await TestServer.StartAsync(b);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Drain_OtherNodesPlaceNobodyInItsMatches_AndTheFeedNamesIt()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_b, "Ada");
        IMatchDirectory directory = _a.GetService<IMatchDirectory>();
        await Eventually.TrueAsync(async () => await directory.FindAsync(ada.Welcome.MatchId) is not null);
        await using SseClient feed = await SseClient.OpenAsync(_a, "/events");
        using HttpClient admin = AdminServers.CreateClient(_b);

        using HttpResponseMessage drained = await admin.PostAsync("/admin/api/drain", null);

        Assert.Equal(HttpStatusCode.OK, drained.StatusCode);
        SseMessage draining = await feed.NextEventAsync("node.draining");
        Assert.Equal(_b.HttpBase.ToString().TrimEnd('/'), draining.Json.GetProperty("node").GetString()!.TrimEnd('/'));
        await Eventually.TrueAsync(async () => (await directory.FindAsync(ada.Welcome.MatchId))?.Summary.Seats == 16);
        using HttpClient onA = _a.CreateHttpClient();
        Matchmaking.Placement placed = await Matchmaking.PostAsync(onA);
        Assert.NotEqual(ada.Welcome.MatchId, placed.MatchId);
        Assert.Equal(_a.WebSocketUri.ToString(), placed.Url);
    }
}
