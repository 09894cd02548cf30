using System.Net;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;

namespace GameServer.Tests.Spectators;

/// <summary>
/// The feed's HTTP surface: headers, CORS, the retry hint, heartbeats, 404 and 204; the same whether the lean
/// listener serves the stream on its socket or Kestrel does (with the Kestrel transport, or whatever the lean one leaves).
/// </summary>
public abstract class SpectatorFeedHttpTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:Transport"] = transport.ToString(),
        ["Spectators:HeartbeatInterval"] = "00:00:00.200",
        ["Spectators:RetryInterval"] = "00:00:02.500",
        ["Matchmaking:EmptyMatchTimeout"] = "00:00:00",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Events_Response_IsAnUnbufferedUncachedEventStreamAnyOriginCanRead()
    {
        await using SseClient client = await SseClient.OpenAsync(_server, "/events");

        HttpResponseMessage response = client.Response;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal("no", Assert.Single(response.Headers.GetValues("X-Accel-Buffering")));
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Events_WhenOpened_StartsWithTheRetryHintAlone()
    {
        await using SseClient client = await SseClient.OpenAsync(_server, "/events");

        SseMessage? first = await client.NextAsync();

        Assert.NotNull(first);
        Assert.Equal(["retry: 2500"], first.Lines);
        Assert.Equal(2500, first.Retry);
    }

    [Fact]
    public async Task Events_IdleStream_GetsHeartbeatComments()
    {
        await using SseClient client = await SseClient.OpenAsync(_server, "/events");
        await client.NextAsync();
        Assert.Equal("summary", (await client.NextAsync())?.Event);

        SseMessage? beat = await client.NextAsync();

        Assert.NotNull(beat);
        Assert.Equal([": heartbeat"], beat.Lines);
        Assert.Equal(": heartbeat", (await client.NextAsync())?.Lines.Single());
    }

    [Theory]
    [InlineData("/events")]
    [InlineData("/matches/1/events")]
    public async Task Preflight_FromAnotherOrigin_IsAnsweredWithCorsHeaders(string path)
    {
        using HttpClient http = _server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://scores.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "last-event-id");

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("GET", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("Last-Event-ID", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MatchEvents_UnknownMatch_Is404()
    {
        using HttpClient http = _server.CreateHttpClient();

        using HttpResponseMessage response = await http.GetAsync(new Uri("/matches/4242/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MatchEvents_MatchRemoved_StreamEndsWithMatchRemovedThenIs204()
    {
        TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        uint matchId = ada.Welcome.MatchId;
        await using SseClient client = await SseClient.OpenAsync(_server, $"/matches/{matchId}/events");
        Assert.Equal("score", (await client.NextEventAsync()).Event);

        // The match empties and, with no grace, is removed.
        await ada.SendLeaveAsync();
        await ada.DisposeAsync();

        SseMessage removed = await client.NextEventAsync("match.removed");
        Assert.Equal($$"""{"matchId":{{matchId}}}""", removed.Data);
        Assert.Null(await client.NextAsync());

        using HttpClient http = _server.CreateHttpClient();
        using HttpResponseMessage response = await http.GetAsync(new Uri($"/matches/{matchId}/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Events_ServerStopping_EndsTheStreamWithoutWaitingForTheShutdownTimeout()
    {
        TestServer server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?> { ["Gateway:Transport"] = transport.ToString() });
        await using SseClient client = await SseClient.OpenAsync(server, "/events");
        await client.NextEventAsync("summary");

        Task stopping = server.DisposeAsync().AsTask();

        Assert.Null(await client.NextAsync());
        await stopping;
    }

    public sealed class Lean() : SpectatorFeedHttpTests(GameTransport.Lean);

    public sealed class Kestrel() : SpectatorFeedHttpTests(GameTransport.Kestrel);
}
