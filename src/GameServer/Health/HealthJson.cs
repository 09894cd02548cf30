using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Health;

/// <summary>
/// The health endpoints' body: <c>{"status":"Degraded","checks":{"ticking":{"status":"Healthy","description":"..."},
/// "admission":{"status":"Degraded","description":"Refusing new players: ..."}}}</c>.
/// </summary>
public static class HealthJson
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", Name(report.Status));
            json.WriteStartObject("checks");
            foreach (KeyValuePair<string, HealthReportEntry> check in report.Entries)
            {
                json.WriteStartObject(check.Key);
                json.WriteString("status", Name(check.Value.Status));
                json.WriteString("description", check.Value.Description);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Healthy",
        HealthStatus.Degraded => "Degraded",
        _ => "Unhealthy",
    };
}
