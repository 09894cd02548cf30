using System.Text.Json;
using System.Text.RegularExpressions;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Http;

/// <summary>
/// docs/grafana-dashboard.json against a real server's /metrics: every series a panel's query names must be one the
/// server exports, so a renamed instrument breaks this test rather than an operator's dashboard.
/// </summary>
public sealed partial class GrafanaDashboardTests : IAsyncLifetime
{
    private static readonly HashSet<string> s_promQlWords = ["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan"];

    private TestServer _server = null!;
    private string _metrics = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        using HttpClient http = _server.CreateHttpClient();
        // A request first: ASP.NET Core's request histogram has no series until a request has been answered.
        (await http.GetAsync("/health")).Dispose();
        _metrics = await http.GetStringAsync("/metrics");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> SeriesByPanel()
    {
        var data = new TheoryData<string, string>();
        foreach ((string panel, string series) in Queries().SelectMany(q => SeriesIn(q.Expr).Select(s => (q.Panel, s))).Distinct())
        {
            data.Add(panel, series);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeriesByPanel))]
    public void Dashboard_PanelQuery_NamesASeriesTheServerExports(string panel, string series)
    {
        Assert.True(Regex.IsMatch(_metrics, $"(?m)^{Regex.Escape(series)}[{{ ]"), $"Panel \"{panel}\" queries {series}, which /metrics does not export.");
    }

    [Fact]
    public void Dashboard_EveryPanel_HasAQueryOnTheDashboardsDataSource()
    {
        List<JsonElement> panels = Panels().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        Assert.True(panels.Count >= 10, $"The dashboard has {panels.Count} panels.");
        foreach (JsonElement panel in panels)
        {
            string title = panel.GetProperty("title").GetString()!;
            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            JsonElement[] targets = panel.GetProperty("targets").EnumerateArray().ToArray();
            Assert.True(targets.Length > 0, $"Panel \"{title}\" has no query.");
            Assert.All(targets, t => Assert.NotEmpty(SeriesIn(t.GetProperty("expr").GetString()!)));
        }
    }

    [Fact]
    public void SeriesIn_AQueryWithLabelsRangesAndGrouping_FindsOnlyTheSeries()
    {
        string[] series = SeriesIn("histogram_quantile(0.99, sum by (le, shard) (rate(a_bucket{instance=~\"$instance\",x=\"by\"}[$__rate_interval]))) + on(job) b_total offset 5m");

        Assert.Equal(["a_bucket", "b_total"], series);
    }

    private static IEnumerable<(string Panel, string Expr)> Queries() =>
        Panels()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()
                .Select(t => (p.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!)));

    private static List<JsonElement> Panels()
    {
        using JsonDocument dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.PathOf("docs/grafana-dashboard.json")));
        // Panels of a collapsed row sit inside the row.
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.TryGetProperty("panels", out JsonElement inner) ? inner.EnumerateArray().Prepend(p) : [p])
            .Select(p => p.Clone())
            .ToList();
    }

    /// <summary>The series a PromQL query reads: its identifiers less label matchers, ranges, grouping, functions and keywords.</summary>
    private static string[] SeriesIn(string expr)
    {
        string bare = Grouping().Replace(Ranges().Replace(Matchers().Replace(expr, " "), " "), " ");
        return Identifier().Matches(bare)
            .Select(m => m.Groups[1].Value)
            .Where(name => !s_promQlWords.Contains(name))
            .Distinct()
            .ToArray();
    }

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex Matchers();

    [GeneratedRegex("\\[[^\\]]*\\]")]
    private static partial Regex Ranges();

    [GeneratedRegex("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)")]
    private static partial Regex Grouping();

    // A name not followed by "(" (a function) and not part of a number such as 0.99 or 5m.
    [GeneratedRegex("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()")]
    private static partial Regex Identifier();
}
