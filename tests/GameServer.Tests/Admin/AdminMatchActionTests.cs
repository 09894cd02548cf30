using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Admin;

/// <summary>An operator ends a match or removes a player: what the players and the feed see.</summary>
public sealed class AdminMatchActionTests
{
    [Fact]
    public async Task EndMatch_PlayersSeeTheEndAndAreBackBeforeJoin_FeedSaysOperator()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);
        string id = ada.Welcome.MatchId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using HttpResponseMessage response = await http.PostAsync($"/admin/api/matches/{id}/end", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetString());
        await ada.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended && w.PhaseTicksLeft == 0);
        SseMessage ended = await feed.NextEventAsync("match.ended");
        Assert.Equal("operator", ended.Json.GetProperty("reason").GetString());
        Assert.Equal(ada.Welcome.MatchId, ended.Json.GetProperty("matchId").GetUInt32());
        Assert.Equal(ada.Welcome.MatchId, (await feed.NextEventAsync("match.removed")).Json.GetProperty("matchId").GetUInt32());

        // Back before Join: a Join is taken, into another match.
        await ada.SendJoinAsync("Ada");
        await ada.ExpectWelcomeAndSnapshotAsync();
        Assert.NotEqual(uint.Parse(id, System.Globalization.CultureInfo.InvariantCulture), ada.Welcome.MatchId);
    }

    [Fact]
    public async Task EndMatch_JoinAnsweringTheEndScreenBeforeTheMatchLetsGo_IsHeldAndTaken()
    {
        // The match's tick is held inside its removal (after the end screen, before the players are back in the lobby),
        // as a busy core can hold it: the feed's match.removed, or the end screen itself, reaches a client first.
        using var removal = new HeldRemoval();
        await using TestServer server = await AdminServers.StartAsync(configure: builder =>
            builder.Services.AddSingleton<IMatchEventLog>(provider => removal.Around(provider.GetRequiredService<InMemoryMatchEventLog>())));
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        uint ended = ada.Welcome.MatchId;
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsync($"/admin/api/matches/{ended}/end", null);
        await ada.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended && w.PhaseTicksLeft == 0);
        await removal.Reached.WaitAsync(TestPlayer.Patience);
        await ada.SendJoinAsync("Ada");
        await ada.SendPingAsync(7);
        await ada.NextAsync(MessageType.Pong);
        removal.Release();

        // Refused as out of place, the Join would have got an Error before the Pong, and no Welcome ever.
        await ada.ExpectWelcomeAndSnapshotAsync();
        Assert.NotEqual(ended, ada.Welcome.MatchId);
    }

    [Fact]
    public async Task EndMatch_OnItsEndScreen_Is409()
    {
        ArenaRules rules = ShortMatches.Rules(runningTicks: 3, endedTicks: 30 * 60);
        await using TestServer server = await AdminServers.StartAsync(
            configure: builder => builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules)));
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await ada.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended);
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsync($"/admin/api/matches/{ada.Welcome.MatchId}/end", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task EndMatch_Unknown_Is404()
    {
        await using TestServer server = await AdminServers.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsync("/admin/api/matches/77/end", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Kick_ClosesThePlayerWith4008AndTheReason_AndItsTokenNoLongerResumes()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");
        ResumeToken token = ada.Welcome.Resume;
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsJsonAsync(
            $"/admin/api/matches/{ada.Welcome.MatchId}/players/{ada.Welcome.PlayerId}/kick", new { reason = "Cheating, says the operator" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((WebSocketCloseStatus)4008, await ada.WaitForCloseAsync());
        Assert.Equal("Cheating, says the operator", ada.Socket.CloseStatusDescription);
        await using TestPlayer back = await TestPlayer.ConnectAsync(server);
        await back.SendJoinAsync("Ada", resume: token);
        Assert.Equal(ErrorCode.ResumeRejected, (await back.NextAsync(MessageType.Error)).Error.Code);
        await bob.WaitForWorldAsync(w => w.IndexOf(ada.Welcome.PlayerId) < 0);
        Assert.Equal(1, server.GetService<LocalMatches>().Find(ada.Welcome.MatchId)!.Seats);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"\"}")]
    [InlineData("{\"reason\":\"   \"}")]
    [InlineData("{\"reason\":42}")]
    [InlineData("[\"reason\"]")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"reason\":\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"}")]
    public async Task Kick_WithoutAReasonOfAtMost120Bytes_Is400AndKicksNobody(string body)
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsync(
            $"/admin/api/matches/{ada.Welcome.MatchId}/players/{ada.Welcome.PlayerId}/kick", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(WebSocketState.Open, ada.Socket.State);
    }

    [Fact]
    public async Task Kick_UnknownMatchOrPlayer_Is404()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);
        var reason = new { reason = "test" };

        using HttpResponseMessage noMatch = await http.PostAsJsonAsync($"/admin/api/matches/77/players/{ada.Welcome.PlayerId}/kick", reason);
        using HttpResponseMessage noPlayer = await http.PostAsJsonAsync($"/admin/api/matches/{ada.Welcome.MatchId}/players/9999/kick", reason);

        Assert.Equal(HttpStatusCode.NotFound, noMatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPlayer.StatusCode);
    }

    /// <summary>Holds the first match removal on the tick's thread until the test releases it.</summary>
    private sealed class HeldRemoval : IMatchEventLog, IDisposable
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _released = new();
        private IMatchEventLog _log = null!;

        public Task Reached => _reached.Task;

        public IMatchEventLog Around(IMatchEventLog log)
        {
            _log = log;
            return this;
        }

        public void Publish(uint matchId, ReadOnlySpan<MatchFeedEvent> events, MatchSummary standings) => _log.Publish(matchId, events, standings);

        public void Remove(uint matchId, MatchSummary finalStandings)
        {
            if (_reached.TrySetResult())
            {
                // Bounded: a test that fails before releasing must not hang the server's stop.
                _released.Wait(TestPlayer.Patience);
            }

            _log.Remove(matchId, finalStandings);
        }

        public void Release() => _released.Set();

        public void Dispose()
        {
            _released.Set();
            _released.Dispose();
        }
    }
}
