using System.Net;
using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Security;

public sealed class ConnectionLimitTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxConnectionsPerIp"] = "2",
        ["Gateway:AllowedOrigins:0"] = "https://game.example",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ConnectionOverThePerIpCap_Gets429_AndASlotFreesWhenOneCloses()
    {
        TestPlayer first = await TestPlayer.ConnectAsync(_server);
        await using TestPlayer second = await TestPlayer.ConnectAsync(_server);

        Assert.Equal(HttpStatusCode.TooManyRequests, await RefusalAsync(origin: null));

        await first.DisposeAsync();
        TestPlayer? third = null;
        await Until(async () => (third = await TryConnectAsync()) is not null);
        await third!.DisposeAsync();
    }

    [Fact]
    public async Task SpectatorStreamOverThePerIpCap_Gets429()
    {
        using HttpClient http = _server.CreateHttpClient();
        using HttpResponseMessage first = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using HttpResponseMessage second = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));

        using HttpResponseMessage third = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task ForeignOrigin_Gets403_AndAnAllowedOneConnects()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync(origin: "https://evil.example"));

        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        socket.Options.SetRequestHeader("Origin", "https://game.example");
        await socket.ConnectAsync(_server.WebSocketUri, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Handshake_OfferingCompression_IsAnsweredWithout()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(_server.WebSocketUri, CancellationToken.None);

        Assert.False(socket.HttpResponseHeaders!.ContainsKey("Sec-WebSocket-Extensions"));
    }

    private async Task<TestPlayer?> TryConnectAsync()
    {
        try
        {
            return await TestPlayer.ConnectAsync(_server);
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    private async Task<HttpStatusCode> RefusalAsync(string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_server.WebSocketUri, CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
