using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Redis;

/// <summary>
/// Two nodes on one Redis: each node summarises its own matches into the shared stream, so either node's overview
/// lists the other's; and a match's own feed can be read on a node that does not run the match.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOverviewTests(RedisServer redis)
{
    private const string NodeA = "http://node-a.test";
    private const string NodeB = "http://node-b.test";

    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    [Fact(Timeout = 60_000)]
    public async Task Events_MatchOnAnotherNode_IsInThatNodesSummariesOnThisNodesOverview()
    {
        await using TestServer a = await TestServer.StartAsync(Settings(NodeA));
        await using TestServer b = await TestServer.StartAsync(Settings(NodeB));
        await using SseClient overview = await SseClient.OpenAsync(a, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(b, "Ada");

        JsonElement row = await RowOfAsync(overview, ada.Welcome.MatchId);

        Assert.Equal("Ada", row.GetProperty("leader").GetString());
        Assert.Equal(1, row.GetProperty("players").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task MatchEvents_MatchOnAnotherNode_AreReadOnThisNode()
    {
        await using TestServer a = await TestServer.StartAsync(Settings(NodeA));
        await using TestServer b = await TestServer.StartAsync(Settings(NodeB));
        await using TestPlayer ada = await TestPlayer.JoinAsync(b, "Ada");
        uint matchId = ada.Welcome.MatchId;
        // The first lease is written as the match opens, before Ada is in it; the next renewal shows her.
        await Seams.Eventually.TrueAsync(async () =>
        {
            using HttpClient http = a.CreateHttpClient();
            using HttpResponseMessage response = await http.GetAsync(new Uri($"/matches/{matchId}", UriKind.Relative));
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("players").GetArrayLength() == 1;
        });

        await using SseClient feed = await SseClient.OpenAsync(a, $"/matches/{matchId}/events");
        SseMessage snapshot = await feed.NextEventAsync("score");
        Assert.Equal("Ada", snapshot.Json.GetProperty("players")[0].GetProperty("name").GetString());

        await using TestPlayer bob = await TestPlayer.JoinAsync(b, "Bob", matchId);
        SseMessage joined = await feed.NextEventAsync("player.joined");
        Assert.Equal((matchId, "Bob"), (joined.Json.GetProperty("matchId").GetUInt32(), joined.Json.GetProperty("name").GetString()));
        Assert.NotNull(joined.Id);
    }

    private static async Task<JsonElement> RowOfAsync(SseClient overview, uint matchId)
    {
        while (true)
        {
            SseMessage summary = await overview.NextEventAsync("summary");
            foreach (JsonElement row in summary.Json.GetProperty("matches").EnumerateArray())
            {
                if (row.GetProperty("id").GetUInt32() == matchId)
                {
                    return row;
                }
            }
        }
    }

    private Dictionary<string, string?> Settings(string node)
    {
        Dictionary<string, string?> settings = RedisClusterSettings.For(redis, _prefix, node);
        settings["Spectators:SummaryInterval"] = "00:00:00.100";
        return settings;
    }
}
