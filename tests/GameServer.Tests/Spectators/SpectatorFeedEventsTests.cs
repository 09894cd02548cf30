using System.Text.Json;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>
/// Events of real matches, played by real WebSocket players, as spectators see them: every event on the match's own
/// feed; on the overview (<c>/events</c>), the lifecycle and each node's summary, never a match's detail.
/// </summary>
public sealed class SpectatorFeedEventsTests : IAsyncLifetime
{
    private TestServer _server = null!;

    // One seat per match, so that each player's quick join opens a match of its own; summaries often, to see several.
    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
    {
        ["Matchmaking:Capacity"] = "1",
        ["Spectators:SummaryInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MatchEvents_WhileAMatchPlays_ComeInOrderWithIncreasingIds()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        uint matchId = ada.Welcome.MatchId;
        await using SseClient feed = await SseClient.OpenAsync(_server, $"/matches/{matchId}/events");
        SseMessage snapshot = await feed.NextEventAsync();
        Assert.Equal("score", snapshot.Event);
        JsonElement standing = Assert.Single(snapshot.Json.GetProperty("players").EnumerateArray().ToList());
        Assert.Equal("Ada", standing.GetProperty("name").GetString());
        Assert.True(standing.GetProperty("connected").GetBoolean());

        await ada.SendLeaveAsync();
        var seen = new List<SseMessage>();
        SseMessage left = await NextRecordingAsync(feed, "player.left", seen);
        Assert.Equal($$"""{"matchId":{{matchId}},"tick":{{left.Json.GetProperty("tick").GetUInt32()}},"playerId":{{ada.Welcome.PlayerId}},"name":"Ada"}""", left.Data);

        Assert.All(seen, m => Assert.Equal(matchId, m.Json.GetProperty("matchId").GetUInt32()));
        for (int i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].IdValue > seen[i - 1].IdValue, $"id {seen[i].Id} follows {seen[i - 1].Id}");
        }
    }

    [Fact]
    public async Task Events_OpenedWithoutId_StartWithASummaryOfEveryLiveMatch()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob");

        await using SseClient feed = await SseClient.OpenAsync(_server, "/events");
        SseMessage first = await feed.NextEventAsync();

        Assert.Equal("summary", first.Event);
        Assert.Null(first.Id);
        List<JsonElement> matches = [.. first.Json.GetProperty("matches").EnumerateArray()];
        Assert.Equal([ada.Welcome.MatchId, bob.Welcome.MatchId], matches.Select(m => m.GetProperty("id").GetUInt32()));
        Assert.Equal("Bob", matches[1].GetProperty("leader").GetString());
        Assert.Equal((1, 1), (matches[1].GetProperty("players").GetInt32(), matches[1].GetProperty("capacity").GetInt32()));
    }

    [Fact]
    public async Task Events_WhileMatchesPlay_CarryTheirLifecycleAndSummariesButNoDetail()
    {
        await using SseClient overview = await SseClient.OpenAsync(_server, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        uint matchId = ada.Welcome.MatchId;

        var seen = new List<SseMessage>();
        SseMessage started = await NextRecordingAsync(overview, "match.started", seen);
        Assert.Equal(matchId, started.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal("arena", started.Json.GetProperty("game").GetString());
        SseMessage summary = await NextRecordingAsync(overview, "summary", seen);
        while (!summary.Json.GetProperty("matches").EnumerateArray().Any(m => m.GetProperty("id").GetUInt32() == matchId))
        {
            summary = await NextRecordingAsync(overview, "summary", seen);
        }

        JsonElement row = summary.Json.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("id").GetUInt32() == matchId);
        Assert.Equal("running", row.GetProperty("phase").GetString());
        Assert.Equal("Ada", row.GetProperty("leader").GetString());
        Assert.NotNull(summary.Id);

        // Several summaries later (each node sends one every interval), still nothing but lifecycle and summaries.
        for (int i = 0; i < 3; i++)
        {
            await NextRecordingAsync(overview, "summary", seen);
        }

        Assert.All(seen, m => Assert.Contains(m.Event, new[] { "summary", "match.started", "match.ended", "match.removed" }));

        // The opening summary is a snapshot, with no id; every later event is in the log.
        seen.RemoveAt(0);
        for (int i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].IdValue > seen[i - 1].IdValue, $"id {seen[i].Id} follows {seen[i - 1].Id}");
        }
    }

    [Fact]
    public async Task MatchEvents_OfTwoMatches_ShowOnlyTheirOwnAndNoSummary()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob");
        Assert.NotEqual(ada.Welcome.MatchId, bob.Welcome.MatchId);
        await using SseClient bobs = await SseClient.OpenAsync(_server, $"/matches/{bob.Welcome.MatchId}/events");

        SseMessage snapshot = await bobs.NextEventAsync();
        Assert.Equal("score", snapshot.Event);
        Assert.Equal(bob.Welcome.MatchId, snapshot.Json.GetProperty("matchId").GetUInt32());

        await ada.SendLeaveAsync();
        await bob.SendLeaveAsync();

        // Ada's leaving never reaches Bob's match's stream, nor do summaries: everything on it is Bob's match's.
        SseMessage seen = await bobs.NextEventAsync();
        while (seen.Event != "player.left")
        {
            Assert.Equal(bob.Welcome.MatchId, seen.Json.GetProperty("matchId").GetUInt32());
            seen = await bobs.NextEventAsync();
        }

        Assert.Equal(bob.Welcome.PlayerId, seen.Json.GetProperty("playerId").GetUInt32());
    }

    private static async Task<SseMessage> NextRecordingAsync(SseClient feed, string name, List<SseMessage> seen)
    {
        while (true)
        {
            SseMessage message = await feed.NextEventAsync();
            seen.Add(message);
            if (message.Event == name)
            {
                return message;
            }
        }
    }
}
