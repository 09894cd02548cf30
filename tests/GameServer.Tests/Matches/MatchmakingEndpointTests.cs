using System.Net;
using System.Net.Http.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Matches;

/// <summary>POST /matchmaking on a single node: the seat it hands out, held for its player alone, once, for a while.</summary>
public sealed class MatchmakingEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:Capacity"] = "2" });
        _http = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Post_NoMatch_AnswersASeatInANewMatchOnThisNode()
    {
        Matchmaking.Placement placed = await Matchmaking.PostAsync(_http);
        await using TestPlayer ada = await TestPlayer.ConnectAsync(placed.SeatUri);
        await ada.SendJoinAsync("Ada");
        await ada.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(_server.WebSocketUri.ToString(), placed.Url);
        Assert.Equal(10, placed.ExpiresInSeconds);
        Assert.Equal(placed.MatchId, ada.Welcome.MatchId);
    }

    [Fact]
    public async Task Seat_RacingQuickJoin_IsHeldForItsPlayer()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        Matchmaking.Placement placed = await Matchmaking.PostAsync(_http);

        // The match has Ada and the held seat: a quick join on the WebSocket must open another.
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob");
        await using TestPlayer grace = await TestPlayer.ConnectAsync(placed.SeatUri);
        await grace.SendJoinAsync("Grace", placed.MatchId);
        await grace.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(ada.Welcome.MatchId, placed.MatchId);
        Assert.NotEqual(placed.MatchId, bob.Welcome.MatchId);
        Assert.Equal(placed.MatchId, grace.Welcome.MatchId);
    }

    [Fact]
    public async Task Seat_UsedTwice_IsRefusedTheSecondTimeAndCounted()
    {
        using var metrics = new MetricProbe(_server);
        Matchmaking.Placement placed = await Matchmaking.PostAsync(_http);
        await using TestPlayer first = await TestPlayer.ConnectAsync(placed.SeatUri);
        await first.SendJoinAsync("First");
        await first.ExpectWelcomeAndSnapshotAsync();

        await using TestPlayer again = await TestPlayer.ConnectAsync(placed.SeatUri);
        await again.SendJoinAsync("Again");

        ErrorMessage error = (await again.NextAsync(MessageType.Error)).Error;
        Assert.Equal(ErrorCode.MatchFull, error.Code);
        Assert.Contains("POST /matchmaking", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, metrics.Total("gameserver.seats.refused[unknown]"));
    }

    [Fact]
    public async Task Seat_ForgedOrForAnotherMatch_IsRefusedAndCounted()
    {
        using var metrics = new MetricProbe(_server);
        Matchmaking.Placement placed = await Matchmaking.PostAsync(_http);
        await using TestPlayer forger = await TestPlayer.ConnectAsync(new Uri(_server.WebSocketUri + "?seat=" + new string('A', 500)));
        await using TestPlayer wanderer = await TestPlayer.ConnectAsync(placed.SeatUri);

        await forger.SendJoinAsync("Forger");
        await wanderer.SendJoinAsync("Wanderer", placed.MatchId + 1);

        Assert.Equal(ErrorCode.MatchFull, (await forger.NextAsync(MessageType.Error)).Error.Code);
        Assert.Equal(ErrorCode.MatchFull, (await wanderer.NextAsync(MessageType.Error)).Error.Code);
        Assert.Equal(1, metrics.Total("gameserver.seats.refused[unknown]"));
        Assert.Equal(1, metrics.Total("gameserver.seats.refused[other-match]"));

        // The seat the wanderer used up is back in play, and the connection joins like any other.
        Assert.Equal(0, _server.GetService<LocalMatches>().Find(placed.MatchId)!.Seats);
        await wanderer.SendJoinAsync("Wanderer");
        await wanderer.ExpectWelcomeAndSnapshotAsync();
    }

    [Fact]
    public async Task Seat_NotUsedInTime_IsGivenBackAndRefused()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:SeatHoldTime"] = "00:00:00.100" });
        using HttpClient http = server.CreateHttpClient();
        using var metrics = new MetricProbe(server);
        Matchmaking.Placement placed = await Matchmaking.PostAsync(http);

        await metrics.WaitForAsync("gameserver.seats.expired");
        await using TestPlayer late = await TestPlayer.ConnectAsync(placed.SeatUri);
        await late.SendJoinAsync("Late");

        Assert.Equal(ErrorCode.MatchFull, (await late.NextAsync(MessageType.Error)).Error.Code);
        Assert.Equal(0, server.GetService<LocalMatches>().Find(placed.MatchId)?.Seats ?? 0);
        Assert.Equal(1, metrics.Total("gameserver.seats.refused[unknown]"));
    }

    [Theory]
    [InlineData("/matchmaking?game=tag", null)]
    [InlineData("/matchmaking", """{"game":"tag"}""")]
    public async Task Post_GameTag_SeatsInATagMatchNotTheDefaultGames(string path, string? body)
    {
        await using TestPlayer arena = await TestPlayer.JoinAsync(_server, "Ada");
        using StringContent? content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await _http.PostAsync(path, content);

        response.EnsureSuccessStatusCode();
        uint matchId = (await response.Content.ReadFromJsonAsync<Matchmaking.Placement>())!.MatchId;
        Assert.NotEqual(arena.Welcome.MatchId, matchId);
        Assert.Equal("tag", _server.GetService<LocalMatches>().Find(matchId)!.Game);
    }

    [Theory]
    [InlineData("/matchmaking?matchId=999", HttpStatusCode.NotFound)]
    [InlineData("/matchmaking?game=chess", HttpStatusCode.NotFound)]
    [InlineData("/matchmaking?matchId=seven", HttpStatusCode.BadRequest)]
    public async Task Post_MatchThatCannotBeJoined_AnswersAProblem(string path, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await _http.PostAsync(path, content: null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_GameNotAStringOrOversized_IsRefused_WithoutEchoingIt_AndOpensNoMatch()
    {
        string huge = new('x', 4000);

        using HttpResponseMessage notAString = await _http.PostAsync("/matchmaking",
            new StringContent("""{"game":5}""", System.Text.Encoding.UTF8, "application/json"));
        using HttpResponseMessage oversized = await _http.PostAsync("/matchmaking?game=" + huge, content: null);

        Assert.Equal(HttpStatusCode.BadRequest, notAString.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oversized.StatusCode);
        Assert.DoesNotContain(huge, await oversized.Content.ReadAsStringAsync());
        Assert.Empty(_server.GetService<LocalMatches>().Matches);
    }

    [Fact]
    public async Task Post_FullMatchInTheBody_AnswersConflict()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob", ada.Welcome.MatchId);

        using HttpResponseMessage response = await _http.PostAsync("/matchmaking",
            new StringContent($$"""{"matchId":{{ada.Welcome.MatchId}}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Post_ServerTakingNoPlayers_AnswersServiceUnavailableWithRetryAfter()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Admission:MaxPlayers"] = "1" });
        using HttpClient http = server.CreateHttpClient();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");

        using HttpResponseMessage response = await http.PostAsync("/matchmaking", content: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }
}
