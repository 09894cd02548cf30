using System.Net.Sockets;
using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Faults;

/// <summary>Peers that go quiet are cut off within the configured times, and nothing else notices.</summary>
public sealed class SilentPeerTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:KeepAliveInterval"] = "00:00:01",
            ["Gateway:KeepAliveTimeout"] = "00:00:01",
            ["Limits:IdleTimeout"] = "00:00:01",
        });
        _probe = new MetricProbe(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _probe.Dispose();
    }

    [Fact]
    public async Task PeerThatNeverAnswersPings_IsAbortedAfterIntervalPlusTimeout()
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Awake");

        // A ClientWebSocket answers pings only while something reads from it: this one never does.
        using var deaf = new ClientWebSocket();
        deaf.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        deaf.Options.KeepAliveInterval = TimeSpan.Zero;
        await deaf.ConnectAsync(_server.WebSocketUri, CancellationToken.None);

        await _probe.WaitForAsync("gameserver.closes[keep_alive_timeout]");
        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }

    [Fact]
    public async Task TcpConnectionThatSendsNothing_IsDroppedAfterTheHeadersTimeout()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);

        byte[] buffer = new byte[256];
        int read = await tcp.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TestPlayer.Patience);

        Assert.Equal(0, read);
    }
}
