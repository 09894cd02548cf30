using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Http;

public sealed class HttpApiTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _http = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Health_Answers200()
    {
        using HttpResponseMessage response = await _http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Matches_ListsLiveMatchesWithTheirPlayersAndScores()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");

        JsonElement matches = await _http.GetFromJsonAsync<JsonElement>("/matches");

        JsonElement match = Assert.Single(matches.EnumerateArray(), m => m.GetProperty("id").GetUInt32() == ada.Welcome.MatchId);
        Assert.Equal(16, match.GetProperty("capacity").GetInt32());
        JsonElement player = Assert.Single(match.GetProperty("players").EnumerateArray());
        Assert.Equal("Ada", player.GetProperty("name").GetString());
        Assert.Equal(0, player.GetProperty("score").GetInt32());
        Assert.True(player.GetProperty("connected").GetBoolean());
        Assert.Contains(match.GetProperty("phase").GetString(), new[] { "waiting", "countdown", "running" });
    }

    [Fact]
    public async Task Favicon_BrowsersDefaultRequest_IsAnIcon()
    {
        using HttpResponseMessage ico = await _http.GetAsync("/favicon.ico");
        using HttpResponseMessage svg = await _http.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        byte[] bytes = await ico.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        string page = await _http.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_UnknownId_Answers404WithAProblem()
    {
        using HttpResponseMessage response = await _http.GetAsync("/matches/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Match_NotANumber_Answers400()
    {
        using HttpResponseMessage response = await _http.GetAsync("/matches/abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ExportsTheGatewayAndTickInstrumentsInPrometheusFormat()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await ada.NextAsync(Protocol.MessageType.Delta);

        string text = await _http.GetStringAsync("/metrics");

        Assert.Contains("gameserver_connections", text);
        Assert.Contains("gameserver_joins_total", text);
        Assert.Contains("gameserver_messages_sent_total", text);
        Assert.Contains("gameserver_bytes_sent_bytes_total", text);
        Assert.Contains("gameserver_tick_duration_seconds_bucket", text);
        Assert.Contains("kestrel_active_connections", text);
    }
}
