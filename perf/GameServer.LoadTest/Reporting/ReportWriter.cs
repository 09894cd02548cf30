using System.Text.Json;

namespace GameServer.LoadTest.Reporting;

/// <summary>Writes a run's report as JSON, and as a self-contained HTML page that draws the JSON it embeds.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string ToJson(SwarmReport report) => JsonSerializer.Serialize(report, s_json);

    public static async Task WriteJsonAsync(SwarmReport report, string path)
    {
        CreateDirectoryFor(path);
        await File.WriteAllTextAsync(path, ToJson(report)).ConfigureAwait(false);
    }

    public static async Task WriteHtmlAsync(SwarmReport report, string path)
    {
        CreateDirectoryFor(path);
        await File.WriteAllTextAsync(path, ToHtml(report)).ConfigureAwait(false);
    }

    /// <summary>The self-contained HTML page: the JSON embedded for the summary, the charts as inline SVG.</summary>
    public static string ToHtml(SwarmReport report)
    {
        // The default encoder escapes '<', so the JSON cannot end the script element it sits in.
        string json = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return HtmlTemplate.Page
            .Replace("/*REPORT*/{}", json, StringComparison.Ordinal)
            .Replace("<!--CHARTS-->", Charts.ReportCharts.Render(report), StringComparison.Ordinal);
    }

    private static void CreateDirectoryFor(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
