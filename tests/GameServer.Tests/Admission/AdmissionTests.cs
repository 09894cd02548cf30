using System.Net;
using System.Net.WebSockets;
using GameServer.Connections;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;

namespace GameServer.Tests.Admission;

/// <summary>A full server refuses newcomers with 503 and Retry-After before the upgrade, and its matches play on.</summary>
public abstract class AdmissionTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Admission:MaxPlayers"] = "2",
        ["Admission:RetryAfter"] = "00:00:07",
        ["Gateway:Transport"] = transport.ToString(),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task UpgradeOverTheMaxPlayers_Gets503WithRetryAfter_WhileTheMatchPlaysOn()
    {
        await using TestPlayer first = await TestPlayer.JoinAsync(_server, "One");
        await using TestPlayer second = await TestPlayer.JoinAsync(_server, "Two", first.Welcome.MatchId);

        using var refused = new ClientWebSocket();
        refused.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(_server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal(["7"], refused.HttpResponseHeaders!["Retry-After"]);
        using HttpClient http = _server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        uint tick = first.World.Tick;
        await first.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }

    [Fact]
    public async Task PlayerWhoLeaves_FreesARoom_ForTheNextOne()
    {
        await using TestPlayer first = await TestPlayer.JoinAsync(_server, "One");
        TestPlayer second = await TestPlayer.JoinAsync(_server, "Two", first.Welcome.MatchId);
        await second.SendLeaveAsync();
        await second.WaitForCloseAsync();
        await second.DisposeAsync();

        ConnectionRegistry registry = _server.GetService<ConnectionRegistry>();
        Assert.True(await ServerCondition.WaitAsync(_server, () => registry.Count < 2, TestPlayer.Patience));
        await using TestPlayer third = await TestPlayer.JoinAsync(_server, "Three", first.Welcome.MatchId);
    }

    public sealed class Lean() : AdmissionTests(GameTransport.Lean);

    public sealed class Kestrel() : AdmissionTests(GameTransport.Kestrel);
}
