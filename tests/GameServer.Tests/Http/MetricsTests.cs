using System.Globalization;
using System.Text.RegularExpressions;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;
using GameServer.Ticking;

namespace GameServer.Tests.Http;

/// <summary>/metrics right after start: every series the README documents, the tick buckets, the service's name.</summary>
[Collection(ProcessMetricsCollection.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private string _metrics = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        using HttpClient http = _server.CreateHttpClient();
        _metrics = await http.GetStringAsync("/metrics");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> DocumentedSeries()
    {
        string readme = File.ReadAllText(FindReadme());
        int start = readme.IndexOf("### Metrics", StringComparison.Ordinal);
        int end = readme.IndexOf("\n## ", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no ### Metrics section.");
        // The series are in the first column of the table; the other columns name labels, which are no series.
        string[] names = readme[start..end].Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => SeriesName().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToArray();
        Assert.True(names.Length >= 15, "The Metrics section lists too few series: " + string.Join(", ", names));
        return new TheoryData<string>(names);
    }

    [Theory]
    [MemberData(nameof(DocumentedSeries))]
    public void Metrics_RightAfterStart_HasEveryDocumentedSeries(string series)
    {
        Assert.Matches(new Regex($"(?m)^{series}(_bucket|_sum|_count)?[{{ ]"), _metrics);
    }

    [Fact]
    public void Metrics_RightAfterStart_HasTheTickDurationBuckets()
    {
        foreach (double bound in TickMetrics.DurationBuckets)
        {
            string le = bound.ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"gameserver_tick_shard=\"0\",le=\"{le}\"}}", _metrics, StringComparison.Ordinal);
        }

        int buckets = _metrics.Split('\n').Count(line => line.StartsWith("gameserver_tick_duration_seconds_bucket{", StringComparison.Ordinal)
            && line.Contains("gameserver_tick_shard=\"0\"", StringComparison.Ordinal));
        Assert.Equal(TickMetrics.DurationBuckets.Count + 1, buckets);
    }

    [Fact]
    public void Metrics_TargetInfo_NamesTheServiceGameServer()
    {
        Assert.Matches("(?m)^target_info\\{.*service_name=\"GameServer\"", _metrics);
    }

    [Fact]
    public void Metrics_ClosesCounter_HasASeriesPerReasonFromStart()
    {
        Assert.Contains("gameserver_closes_total{otel_scope_name=\"GameServer\",reason=\"flood\"} 0", _metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_PlayerJoined_CountsOnePlayerInOneMatch()
    {
        Assert.Contains("gameserver_players{otel_scope_name=\"GameServer\"} 0", _metrics, StringComparison.Ordinal);
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");

        // The exporter answers from a cache for a moment after each scrape: ask until a fresh one comes.
        using HttpClient http = _server.CreateHttpClient();
        await Eventually.TrueAsync(async () =>
        {
            string metrics = await http.GetStringAsync("/metrics");
            return metrics.Contains("gameserver_players{otel_scope_name=\"GameServer\"} 1", StringComparison.Ordinal)
                && metrics.Contains("gameserver_matches{otel_scope_name=\"GameServer\"} 1", StringComparison.Ordinal);
        });
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "GameServer.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md was not found above the test's directory.");
    }

    [GeneratedRegex("`(gameserver_[a-z_]+)`")]
    private static partial Regex SeriesName();
}
