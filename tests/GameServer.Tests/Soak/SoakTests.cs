using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;

namespace GameServer.Tests.Soak;

/// <summary>
/// The CI form of perf/soak.sh: 150 bots for 75 s in process, the managed heap sampled after full collections every
/// 5 s, then every connection and match gone once the bots leave. The 30-minute form is perf/soak.sh.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests
{
    private const double RampSeconds = 10;
    private const double SettledFromSecond = RampSeconds + 15;

    [Fact]
    public async Task Swarm_150BotsFor75Seconds_HeapHasNoUpwardTrendAndCountsReturnToZero()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerIp"] = "100000",
            ["Matchmaking:MatchDuration"] = "00:10:00",
            ["Matchmaking:EmptyMatchTimeout"] = "00:00:01",
            ["Gateway:ResumeGracePeriod"] = "00:00:02",
        });
        long baseline = HeapSampler.Measure();
        var options = new SwarmOptions
        {
            Url = server.WebSocketUri,
            Bots = 150,
            Duration = TimeSpan.FromSeconds(75),
            Ramp = TimeSpan.FromSeconds(RampSeconds),
            InputsPerSecond = 10,
        };
        var heap = new HeapSampler();
        using var stopSampling = new CancellationTokenSource();
        Task sampling = heap.RunAsync(TimeSpan.FromSeconds(5), stopSampling.Token);

        SwarmReport report = await new Swarm(options).RunAsync();
        await stopSampling.CancelAsync();
        await sampling;

        string json = ReportWriter.ToJson(report);
        Assert.True(report.Passed, "The swarm failed: " + json);
        Assert.Equal(150, report.ActiveAtEnd);
        Assert.True(await ServerDrain.WaitUntilEmptyAsync(server, TimeSpan.FromSeconds(30)), "Left behind: " + ServerDrain.Describe(server));

        // No upward trend: what the fitted line gains over the settled window is small against the heap itself.
        var settled = heap.Samples.Where(s => s.Seconds >= SettledFromSecond).ToList();
        Assert.True(settled.Count >= 6, $"Only {settled.Count} heap samples after the ramp.");
        double mean = settled.Average(s => (double)s.Bytes);
        double growth = heap.SlopePerMinute(SettledFromSecond) * (settled[^1].Seconds - settled[0].Seconds) / 60;
        string series = string.Join(", ", heap.Samples.Select(s => $"{s.Seconds:F0}s {s.Bytes / 1024} KiB"));
        Assert.True(growth <= Math.Max(0.10 * mean, 4 << 20), $"The heap grew by {growth / 1024:F0} KiB over the settled window (mean {mean / 1024:F0} KiB): {series}");

        // After the bots left, what they held is gone: the heap is back near where it was before they came.
        long after = HeapSampler.Measure();
        Assert.True(after <= baseline + Math.Max(0.25 * baseline, 8 << 20), $"Heap {baseline / 1024} KiB before, {after / 1024} KiB after: {series}");
    }
}
