using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Admin;

/// <summary>A drained node takes no new players but keeps its own, says so on health and the feed, and undrains.</summary>
public sealed class AdminDrainTests
{
    [Theory]
    [InlineData("Lean")]
    [InlineData("Kestrel")]
    public async Task Drain_RefusesNewPlayersWith503Draining_ButLetsAResumeIn(string transport)
    {
        await using TestServer server = await AdminServers.StartAsync(new Dictionary<string, string?> { ["Gateway:Transport"] = transport });
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);

        await DrainAsync(http, true);

        using HttpResponseMessage refused = await UpgradeAsync(server, query: string.Empty);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        JsonElement problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("draining", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using HttpResponseMessage matchmaking = await http.PostAsync("/matchmaking", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, matchmaking.StatusCode);

        // A token that holds no seat here is no way in.
        using HttpResponseMessage forged = await UpgradeAsync(server, "?resume=" + ResumeToken.NewRandom().ToBase64Url());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forged.StatusCode);

        ResumeToken token = ada.Welcome.Resume;
        ada.Socket.Abort();
        await using TestPlayer back = await TestPlayer.ConnectAsync(server, query: "?resume=" + token.ToBase64Url());
        await back.SendJoinAsync("Ada", resume: token);
        await back.ExpectWelcomeAndSnapshotAsync();
        Assert.Equal(ada.Welcome.PlayerId, back.Welcome.PlayerId);
    }

    [Fact]
    public async Task Drain_HealthIsDegradedAndNotReady_UndrainRestoresBoth()
    {
        await using TestServer server = await AdminServers.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server);

        await DrainAsync(http, true);

        using (HttpResponseMessage health = await http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            JsonElement body = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            Assert.Contains("draining", body.GetProperty("checks").GetProperty("admission").GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        using (HttpResponseMessage ready = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        await Seams.Eventually.TrueAsync(async () => (await AdminSampleTests.GetJsonAsync(http, "/admin/api/node")).GetProperty("draining").GetBoolean());

        await DrainAsync(http, false);

        using (HttpResponseMessage ready = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await using TestPlayer newcomer = await TestPlayer.JoinAsync(server, "Newcomer");
    }

    [Fact]
    public async Task DrainAndUndrain_TheOverviewSaysNodeDraining()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");
        using HttpClient http = AdminServers.CreateClient(server);

        await DrainAsync(http, true);
        SseMessage drained = await feed.NextEventAsync("node.draining");
        await DrainAsync(http, false);
        SseMessage undrained = await feed.NextEventAsync("node.draining");

        Assert.Equal("local", drained.Json.GetProperty("node").GetString());
        Assert.True(drained.Json.GetProperty("draining").GetBoolean());
        Assert.False(undrained.Json.GetProperty("draining").GetBoolean());
    }

    [Fact]
    public async Task Drain_RunningMatchGoesOn()
    {
        await using TestServer server = await AdminServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        using HttpClient http = AdminServers.CreateClient(server);

        await DrainAsync(http, true);

        uint tick = ada.World.Tick;
        await ada.WaitForWorldAsync(w => w.Tick >= tick + 30);
        Assert.Equal(WebSocketState.Open, ada.Socket.State);
    }

    private static async Task DrainAsync(HttpClient http, bool draining)
    {
        using HttpResponseMessage response = await http.PostAsync(draining ? "/admin/api/drain" : "/admin/api/undrain", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(draining, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draining").GetBoolean());
    }

    /// <summary>A WebSocket handshake over plain HTTP, to read the refusal's status, headers and body.</summary>
    private static async Task<HttpResponseMessage> UpgradeAsync(TestServer server, string query)
    {
        using var http = new HttpClient { BaseAddress = server.HttpBase };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ws" + query);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        request.Headers.Add("Sec-WebSocket-Protocol", ProtocolConstants.SubProtocol);
        return await http.SendAsync(request);
    }
}
