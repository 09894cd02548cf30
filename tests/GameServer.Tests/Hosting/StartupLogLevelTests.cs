using GameServer.Hosting;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Hosting;

/// <summary>Quieting Kestrel until the server has started leaves it at its configured level afterwards, not at Debug.</summary>
public sealed class StartupLogLevelTests
{
    [Theory]
    [InlineData("Warning", false)]
    [InlineData("Debug", true)]
    public async Task StartedServer_LogsKestrelConnectionsOnlyWhenConfiguredToDebug(string kestrelLevel, bool logged)
    {
        var failures = new StartupFailures();
        var logs = new CapturedLogs();
        await using TestServer server = await TestServer.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = kestrelLevel },
            builder =>
            {
                failures.QuietUntilStarted(builder);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
            });
        failures.Started();

        using HttpClient http = server.CreateHttpClient();
        (await http.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();

        Assert.Equal(logged, logs.Entries.Any(e => e.Id.Name == "ConnectionAccepted"));
    }
}
