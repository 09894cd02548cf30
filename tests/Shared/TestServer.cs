using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GameServer.Testing;

/// <summary>
/// The real server, bound to 127.0.0.1 on an ephemeral port, with test settings layered on top: the one set-up every
/// test project shares (linked into each), so a change to how tests host the server is made once.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _replays;

    private TestServer(WebApplication app, string replays)
    {
        _app = app;
        _replays = replays;
        string address = app.Urls.Single();
        HttpBase = new Uri(address);
        WebSocketUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
    }

    public Uri HttpBase { get; }

    public Uri WebSocketUri { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Each server records its matches into a folder of its own, deleted with it unless the settings name another.</summary>
    public static async Task<TestServer> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        string replays = Path.Combine(Path.GetTempPath(), "gameserver-tests", "replays-" + Guid.NewGuid().ToString("N"));
        WebApplication app = GameServerApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Matchmaking:MinPlayersToStart"] = "1",
                ["Replays:Folder"] = replays,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new TestServer(app, replays);
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpBase, Timeout = TimeSpan.FromSeconds(30) };

    public T GetService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        if (Directory.Exists(_replays))
        {
            Directory.Delete(_replays, recursive: true);
        }
    }
}
