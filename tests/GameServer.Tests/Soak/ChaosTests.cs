using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;
using GameServer.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Soak;

/// <summary>
/// The CI form of perf/chaos.sh: 60 bots for 40 s, half of them per minute dropped by a reset and resuming with their
/// token; no resume refused, no reconnect within a second, and no player left disconnected past the grace period.
/// </summary>
public sealed class ChaosTests
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Swarm_WithChurn_EveryDroppedBotResumesAndNoPlayerIsOrphaned()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerIp"] = "100000",
            ["Matchmaking:MatchDuration"] = "00:10:00",
            ["Matchmaking:EmptyMatchTimeout"] = "00:00:01",
            ["Gateway:ResumeGracePeriod"] = "00:00:03",
        });
        var options = new SwarmOptions
        {
            Url = server.WebSocketUri,
            Bots = 60,
            Duration = TimeSpan.FromSeconds(40),
            Ramp = TimeSpan.FromSeconds(5),
            InputsPerSecond = 10,
            Churn = 0.5,
        };
        var watch = new OrphanWatch();
        var reconnects = new FeedReconnectWatch();
        using var stopWatching = new CancellationTokenSource();

        // The scoreboard's connected flag is refreshed once a second: the limit allows for that and a tick's slack.
        Task watching = watch.RunAsync(server, s_grace + TimeSpan.FromSeconds(2), stopWatching.Token);
        Task reading = reconnects.RunAsync(server, stopWatching.Token);
        SwarmReport report = await new Swarm(options).RunAsync();
        bool drained = await ServerDrain.WaitUntilEmptyAsync(server, s_grace + TimeSpan.FromSeconds(30));
        await stopWatching.CancelAsync();
        await watching;
        await reading;

        string json = ReportWriter.ToJson(report);
        ChurnSummary churn = report.Churn;
        Assert.True(report.Passed, "The swarm failed: " + json);
        Assert.True(churn.Drops >= 8, $"Only {churn.Drops} drops: " + json);
        Assert.Equal(0, churn.ResumesRejected);
        Assert.Equal(0, churn.ReconnectsUnderOneSecond);

        // The same from the server's side, in its ticks: the drop is seen a moment after the bot's reset, so a tenth
        // of a second is allowed for that.
        int tickRate = server.GetService<IOptions<TickOptions>>().Value.TickRate;
        Assert.True(reconnects.Resumes >= churn.Resumes - 2, $"The feed showed {reconnects.Resumes} of {churn.Resumes} resumes: " + json);
        Assert.True(reconnects.ShortestAbsenceTicks >= tickRate * 9 / 10, $"A player was back {reconnects.ShortestAbsenceTicks} ticks after its drop: " + json);

        // The churn stops before the end so that every dropped bot has reconnected; a reconnect still waiting for its
        // Welcome when the run ends is not resumed, and that is no failure of the server.
        Assert.True(churn.Resumes >= churn.Drops - 2, $"{churn.Resumes} of {churn.Drops} dropped bots resumed: " + json);
        Assert.True(watch.DisconnectedSeen > 0, "No disconnected player was ever seen: the watch saw nothing of the churn.");
        Assert.True(watch.Orphans.Count == 0, "Players disconnected past the grace period: " +
            string.Join(", ", watch.Orphans.Select(o => $"match {o.Key.Match} player {o.Key.Player} for {o.Value.TotalSeconds:F1} s")));
        Assert.True(drained, "Left behind: " + ServerDrain.Describe(server));
    }
}
