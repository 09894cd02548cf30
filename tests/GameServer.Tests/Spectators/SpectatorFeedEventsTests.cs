using System.Text.Json;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>Events of real matches, played by real WebSocket players, as spectators see them.</summary>
public sealed class SpectatorFeedEventsTests : IAsyncLifetime
{
    private TestServer _server = null!;

    // One seat per match, so that each player's quick join opens a match of its own.
    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
    {
        ["Matchmaking:Capacity"] = "1",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Events_WhileAMatchPlays_ComeInOrderWithIncreasingIds()
    {
        await using SseClient feed = await SseClient.OpenAsync(_server, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        uint matchId = ada.Welcome.MatchId;

        SseMessage joined = await feed.NextEventAsync();
        Assert.Equal("player.joined", joined.Event);
        Assert.Equal($$"""{"matchId":{{matchId}},"tick":{{joined.Json.GetProperty("tick").GetUInt32()}},"playerId":{{ada.Welcome.PlayerId}},"name":"Ada"}""", joined.Data);

        var seen = new List<SseMessage> { joined };
        SseMessage started = await NextRecordingAsync(feed, "match.started", seen);
        Assert.Equal(matchId, started.Json.GetProperty("matchId").GetUInt32());
        SseMessage score = await NextRecordingAsync(feed, "score", seen);
        JsonElement standing = Assert.Single(score.Json.GetProperty("players").EnumerateArray().ToList());
        Assert.Equal("Ada", standing.GetProperty("name").GetString());
        Assert.True(standing.GetProperty("connected").GetBoolean());

        await ada.SendLeaveAsync();
        SseMessage left = await NextRecordingAsync(feed, "player.left", seen);
        Assert.Equal(ada.Welcome.PlayerId, left.Json.GetProperty("playerId").GetUInt32());
        Assert.Equal("Ada", left.Json.GetProperty("name").GetString());

        for (int i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].IdValue > seen[i - 1].IdValue, $"id {seen[i].Id} follows {seen[i - 1].Id}");
            Assert.True(seen[i].Json.GetProperty("tick").GetUInt32() >= seen[i - 1].Json.GetProperty("tick").GetUInt32());
        }
    }

    [Fact]
    public async Task Events_OpenedWithoutId_StartWithAScoreSnapshotOfEachLiveMatch()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob");

        await using SseClient feed = await SseClient.OpenAsync(_server, "/events");
        SseMessage first = await feed.NextEventAsync();
        SseMessage second = await feed.NextEventAsync();

        Assert.Equal(("score", "score"), (first.Event, second.Event));
        Assert.Null(first.Id);
        Assert.Equal(ada.Welcome.MatchId, first.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal(bob.Welcome.MatchId, second.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal("Bob", second.Json.GetProperty("players")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task MatchEvents_OfTwoMatches_ShowOnlyTheirOwnWithTheLogsIds()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob");
        Assert.NotEqual(ada.Welcome.MatchId, bob.Welcome.MatchId);
        await using SseClient all = await SseClient.OpenAsync(_server, "/events");
        await using SseClient bobs = await SseClient.OpenAsync(_server, $"/matches/{bob.Welcome.MatchId}/events");

        SseMessage snapshot = await bobs.NextEventAsync();
        Assert.Equal("score", snapshot.Event);
        Assert.Equal(bob.Welcome.MatchId, snapshot.Json.GetProperty("matchId").GetUInt32());

        await ada.SendLeaveAsync();
        SseMessage adaLeft = await all.NextEventAsync("player.left");
        await bob.SendLeaveAsync();
        SseMessage bobLeft = await all.NextEventAsync("player.left");

        // Ada's leaving never reaches Bob's match's stream: everything on it is Bob's match's, up to Bob's leaving.
        SseMessage seen = await bobs.NextEventAsync();
        while (seen.Event != "player.left")
        {
            Assert.Equal(bob.Welcome.MatchId, seen.Json.GetProperty("matchId").GetUInt32());
            seen = await bobs.NextEventAsync();
        }

        Assert.Equal(ada.Welcome.MatchId, adaLeft.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal(bobLeft.Id, seen.Id);
        Assert.Equal(bobLeft.Data, seen.Data);
        Assert.True(seen.IdValue > adaLeft.IdValue);
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
