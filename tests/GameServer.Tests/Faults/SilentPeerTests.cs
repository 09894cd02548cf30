using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Faults;

/// <summary>Peers that go quiet are cut off within the configured times, and nothing else notices.</summary>
public sealed class SilentPeerTests : IAsyncLifetime
{
    private static readonly TimeSpan s_keepAliveInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_keepAliveTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_idleTimeout = TimeSpan.FromSeconds(1);

    // Upper bounds allow for the timers' granularity (the keep-alive sweep runs every half interval, Kestrel's
    // heartbeat once a second) and a busy machine. Lower bounds: never cut off early, give or take the runtime's
    // timers, which count whole milliseconds of a coarser clock than the test's stopwatch.
    private static readonly TimeSpan s_slack = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_timerGrain = TimeSpan.FromMilliseconds(20);

    private TestServer _server = null!;
    private MetricProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:KeepAliveInterval"] = s_keepAliveInterval.ToString(),
            ["Gateway:KeepAliveTimeout"] = s_keepAliveTimeout.ToString(),
            ["Limits:IdleTimeout"] = s_idleTimeout.ToString(),
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
        var sinceConnect = Stopwatch.StartNew();
        await deaf.ConnectAsync(_server.WebSocketUri, CancellationToken.None);

        await _probe.WaitForAsync("gameserver.closes[keep_alive_timeout]");
        TimeSpan silentFor = sinceConnect.Elapsed;
        Assert.InRange(silentFor, s_keepAliveInterval + s_keepAliveTimeout - s_timerGrain, s_keepAliveInterval * 1.5 + s_keepAliveTimeout + s_slack);
        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }

    [Fact]
    public async Task TcpConnectionThatSendsNothing_IsDroppedAfterTheHeadersTimeout()
    {
        using var tcp = new TcpClient();
        var sinceConnect = Stopwatch.StartNew();
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);

        byte[] buffer = new byte[256];
        int read = await tcp.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TestPlayer.Patience);

        Assert.Equal(0, read);
        Assert.InRange(sinceConnect.Elapsed, s_idleTimeout - s_timerGrain, s_idleTimeout + s_slack + TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("GE")] // too little to tell what it is: the listener waits for more
    [InlineData("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n")] // a game upgrade's head, never ended
    public async Task UpgradeThatStopsHalfway_IsDroppedAfterTheHeadersTimeout(string start)
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Awake");
        using var tcp = new TcpClient();
        var sinceConnect = Stopwatch.StartNew();
        await tcp.ConnectAsync(_server.HttpBase.Host, _server.HttpBase.Port);
        NetworkStream stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(start));

        // Closed with the bytes it sent still unread: the peer may see a reset rather than the end of the stream.
        byte[] buffer = new byte[256];
        try
        {
            Assert.Equal(0, await stream.ReadAsync(buffer).AsTask().WaitAsync(TestPlayer.Patience));
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }

        Assert.InRange(sinceConnect.Elapsed, s_idleTimeout - s_timerGrain, s_idleTimeout + s_slack);
        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }
}
