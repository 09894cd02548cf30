using System.Text.Json;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>A player whose connection drops shows as disconnected at once, not only when its grace period ends.</summary>
public sealed class SpectatorPresenceTests : IAsyncLifetime
{
    private TestServer _server = null!;

    // A grace period far longer than the test: whatever the feed says about the drop, it says before player.left.
    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:ResumeGracePeriod"] = "00:05:00",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task Feed_PlayerDropsThenResumes_SaysSoAtOnceWithTheStandings()
    {
        TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        WelcomeMessage welcome = ada.Welcome;
        await using SseClient feed = await SseClient.OpenAsync(_server, $"/matches/{welcome.MatchId}/events");
        SseMessage snapshot = await feed.NextEventAsync("score");
        Assert.True(Standing(snapshot, welcome.PlayerId).GetProperty("connected").GetBoolean());

        ada.Socket.Abort();
        await ada.DisposeAsync();

        SseMessage dropped = await NextOfAsync(feed, "player.disconnected");
        Assert.Equal(welcome.PlayerId, dropped.Json.GetProperty("playerId").GetUInt32());
        Assert.Equal("Ada", dropped.Json.GetProperty("name").GetString());
        Assert.Equal(300, dropped.Json.GetProperty("graceSeconds").GetDouble());
        SseMessage standings = await NextOfAsync(feed, "score");
        Assert.False(Standing(standings, welcome.PlayerId).GetProperty("connected").GetBoolean());

        await using TestPlayer again = await TestPlayer.ConnectAsync(_server);
        await again.SendJoinAsync("Ada", resume: welcome.Resume);
        await again.ExpectWelcomeAndSnapshotAsync();

        SseMessage resumed = await NextOfAsync(feed, "player.resumed");
        Assert.Equal(welcome.PlayerId, resumed.Json.GetProperty("playerId").GetUInt32());
        standings = await NextOfAsync(feed, "score");
        Assert.True(Standing(standings, welcome.PlayerId).GetProperty("connected").GetBoolean());
    }

    /// <summary>The next event of this name; the player must not have left on the way there.</summary>
    private static async Task<SseMessage> NextOfAsync(SseClient feed, string name)
    {
        while (true)
        {
            SseMessage message = await feed.NextEventAsync();
            Assert.NotEqual("player.left", message.Event);
            if (message.Event == name)
            {
                return message;
            }
        }
    }

    private static JsonElement Standing(SseMessage score, uint playerId) =>
        score.Json.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("id").GetUInt32() == playerId);
}
