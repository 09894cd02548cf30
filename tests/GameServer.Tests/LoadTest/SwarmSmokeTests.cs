using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;

namespace GameServer.Tests.LoadTest;

/// <summary>
/// The bot swarm against the real server, small and short: a correctness check of both (every bot joins, nothing
/// fails, deltas arrive at about the tick rate), not a performance figure. Those come from perf/run-load.sh.
/// </summary>
public sealed class SwarmSmokeTests
{
    [Theory]
    [InlineData(WireProtocol.V2, "gameserver.v2", true)]
    [InlineData(WireProtocol.V1, "gameserver.v1", true)]
    [InlineData(WireProtocol.V2, "gameserver.v2", false)]
    public async Task RunAsync_FiftyBotsForFourSeconds_AllJoinWithoutErrorsAtAboutTheTickRate(WireProtocol protocol, string subProtocol, bool useIoUring)
    {
        await using TestServer server = await TestServer.StartAsync();
        var options = new SwarmOptions
        {
            Protocol = protocol,
            UseIoUring = useIoUring,
            Url = server.WebSocketUri,
            Bots = 50,
            Duration = TimeSpan.FromSeconds(4),
            Ramp = TimeSpan.FromSeconds(1),
        };

        SwarmReport report = await new Swarm(options).RunAsync();

        string json = ReportWriter.ToJson(report);
        Assert.True(report.Errors.Total == 0, "The swarm counted errors: " + json);
        Assert.Equal(subProtocol, report.Protocol);
        Assert.True(report.BytesPerDelta > 0, "No delta was measured: " + json);
        Assert.Equal(50, report.Connected);
        Assert.Equal(50, report.Joined);
        Assert.Equal(50, report.ActiveAtEnd);
        Assert.True(report.TickRate > 0, "No Welcome announced a tick rate.");
        Assert.True(report.DeltasPerSecondPerBot.Min >= 0.8 * report.TickRate,
            $"The slowest bot got {report.DeltasPerSecondPerBot.Min} deltas/s at a tick rate of {report.TickRate}: " + json);
        Assert.True(report.RttMs.Count > 0, "No pong was measured.");
        Assert.True(report.StateLagMs.Count > 0, "No input was acknowledged in a delta.");
        Assert.True(report.Passed);
    }

    [Fact]
    public async Task RunAsync_NothingListening_CountsConnectFailures()
    {
        var options = new SwarmOptions
        {
            Url = new Uri("ws://127.0.0.1:1/ws"),
            Bots = 3,
            Duration = TimeSpan.FromSeconds(2),
            Ramp = TimeSpan.Zero,
        };

        SwarmReport report = await new Swarm(options).RunAsync();

        Assert.False(report.Passed);
        Assert.Equal(3, report.Errors.ByKind["connectFailed"]);
        Assert.Equal(0, report.Joined);
    }
}
