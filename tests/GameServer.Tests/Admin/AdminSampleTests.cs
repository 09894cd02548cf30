using System.Net;
using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Admin;

/// <summary>The node's samples, its stream, and its matches and players, with real players playing.</summary>
public sealed class AdminSampleTests
{
    [Fact]
    public async Task Node_WithPlayersPlaying_CountsThemAndListsTheirMatch()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");
        await using var adaPlays = new InputPump(ada);
        using HttpClient http = AdminServers.CreateClient(server);

        JsonElement sample = default;
        await Eventually.TrueAsync(async () =>
        {
            sample = await GetJsonAsync(http, "/admin/api/node");
            return sample.GetProperty("players").GetInt32() == 2 && sample.GetProperty("bytesInPerSecond").GetInt64() > 0
                && sample.GetProperty("shards").EnumerateArray().Any(s => s.GetProperty("tickP50Ms").GetDouble() > 0);
        });

        Assert.Equal(2, sample.GetProperty("connections").GetInt32());
        Assert.Equal(1, sample.GetProperty("matches").GetInt32());
        Assert.False(sample.GetProperty("draining").GetBoolean());
        Assert.True(sample.GetProperty("bytesOutPerSecond").GetInt64() > 0);
        Assert.True(sample.GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(sample.GetProperty("cpuPercent").GetDouble() >= 0);
        Assert.InRange(sample.GetProperty("t").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        foreach (string rate in new[] { "droppedDeltasPerSecond", "resyncsPerSecond", "refusedJoinsPerSecond" })
        {
            Assert.Equal(JsonValueKind.Number, sample.GetProperty(rate).ValueKind);
        }

        JsonElement shard = sample.GetProperty("shards")[0];
        Assert.Equal(0, shard.GetProperty("shard").GetInt32());
        Assert.True(shard.GetProperty("tickP99Ms").GetDouble() >= shard.GetProperty("tickP50Ms").GetDouble());
        Assert.Equal(JsonValueKind.Number, shard.GetProperty("overrunsPerSecond").ValueKind);
        JsonElement match = Assert.Single(sample.GetProperty("liveMatches").EnumerateArray());
        AssertMatch(match, ada.Welcome.MatchId, players: 2);
    }

    [Fact]
    public async Task Stream_SendsTheHistoryThenASampleEverySecond()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using SseClient stream = await SseClient.OpenAsync(server, "/admin/api/stream", handler: AdminServers.BearerHandler());
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.False(stream.Response.Headers.Contains("Access-Control-Allow-Origin"));

        SseMessage history = await stream.NextEventAsync();
        Assert.Equal("history", history.Event);
        JsonElement[] samples = [.. history.Json.GetProperty("samples").EnumerateArray()];
        Assert.NotEmpty(samples);
        Assert.True(samples.Zip(samples.Skip(1)).All(pair => pair.First.GetProperty("t").GetInt64() < pair.Second.GetProperty("t").GetInt64()));

        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        long lastT = samples[^1].GetProperty("t").GetInt64();
        SseMessage next;
        do
        {
            next = await stream.NextEventAsync();
            Assert.Equal("sample", next.Event);
            Assert.True(next.Json.GetProperty("t").GetInt64() > lastT);
            lastT = next.Json.GetProperty("t").GetInt64();
        }
        while (next.Json.GetProperty("players").GetInt32() != 1);

        AssertMatch(Assert.Single(next.Json.GetProperty("liveMatches").EnumerateArray()), ada.Welcome.MatchId, players: 1);
    }

    [Fact]
    public async Task Matches_ListsTheLiveMatchesOfTheNode()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);

        JsonElement matches = await GetJsonAsync(http, "/admin/api/matches");

        AssertMatch(Assert.Single(matches.EnumerateArray()), ada.Welcome.MatchId, players: 1);
    }

    [Fact]
    public async Task Players_OfAMatchBeingPlayed_HaveRttInputLagTrafficAndScore()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");
        await using var adaPlays = new InputPump(ada);
        using HttpClient http = AdminServers.CreateClient(server);
        string path = $"/admin/api/matches/{ada.Welcome.MatchId}/players";

        JsonElement players = default;
        await Eventually.TrueAsync(async () =>
        {
            players = await GetJsonAsync(http, path);
            JsonElement? playing = Find(players, ada.Welcome.PlayerId);
            return playing is JsonElement p && p.GetProperty("rttMs").ValueKind == JsonValueKind.Number
                && p.GetProperty("inputLagMs").ValueKind == JsonValueKind.Number && p.GetProperty("bytesInPerSecond").GetInt64() > 0;
        });

        Assert.Equal(2, players.GetArrayLength());
        JsonElement adaLine = Find(players, ada.Welcome.PlayerId)!.Value;
        Assert.Equal("Ada", adaLine.GetProperty("name").GetString());
        Assert.True(adaLine.GetProperty("rttMs").GetDouble() >= 0);
        Assert.True(adaLine.GetProperty("inputLagMs").GetDouble() >= 0);
        Assert.True(adaLine.GetProperty("bytesOutPerSecond").GetInt64() > 0);
        Assert.Equal(0, adaLine.GetProperty("resyncs").GetInt32());
        Assert.Equal(JsonValueKind.Number, adaLine.GetProperty("score").ValueKind);

        // Bob sends nothing: no input has waited for a tick.
        JsonElement bobLine = Find(players, bob.Welcome.PlayerId)!.Value;
        Assert.Equal(JsonValueKind.Null, bobLine.GetProperty("inputLagMs").ValueKind);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("not-a-number")]
    public async Task Players_UnknownMatch_Is404(string id)
    {
        await using TestServer server = await AdminServers.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.GetAsync($"/admin/api/matches/{id}/players");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using HttpResponseMessage response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static void AssertMatch(JsonElement match, uint id, int players)
    {
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), match.GetProperty("id").GetString());
        Assert.Equal("arena", match.GetProperty("game").GetString());
        Assert.Contains(match.GetProperty("phase").GetString(), new[] { "waiting", "countdown", "running", "ended" });
        Assert.Equal(players, match.GetProperty("players").GetInt32());
        Assert.Equal(16, match.GetProperty("capacity").GetInt32());
        Assert.True(match.GetProperty("secondsLeft").GetDouble() >= 0);
        Assert.True(match.GetProperty("tickCostUs").GetDouble() >= 0);
    }

    private static JsonElement? Find(JsonElement players, uint playerId)
    {
        foreach (JsonElement player in players.EnumerateArray())
        {
            if (player.GetProperty("playerId").GetUInt32() == playerId)
            {
                return player;
            }
        }

        return null;
    }
}
