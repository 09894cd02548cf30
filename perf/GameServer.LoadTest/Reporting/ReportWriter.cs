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

        // The default encoder escapes '<', so the JSON cannot end the script element it sits in.
        string json = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        string html = HtmlTemplate.Page.Replace("/*REPORT*/{}", json, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, html).ConfigureAwait(false);
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
