using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GameServer.Client.Tests;

/// <summary>The real server on Kestrel at 127.0.0.1 on an ephemeral port; matches start with one player.</summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalServer(WebApplication app)
    {
        _app = app;
        WebSocketUri = new Uri(app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
    }

    public Uri WebSocketUri { get; }

    /// <param name="configure">Changes to the server's set-up, such as another simulation.</param>
    public static async Task<LocalServer> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        WebApplication app = GameServerApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Matchmaking:MinPlayersToStart"] = "1" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new LocalServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
