using System.Net;
using System.Text.Json;
using GameServer.Redis;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;
using GameServer.Tests.Ticking;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GameServer.Tests.Redis;

/// <summary>
/// Redis lost while running and back again: the matches play on, the spectators stay connected and then get what
/// happened meanwhile in order, and only what the queue could not hold is lost, counted. A redis-server of each
/// test's own, since these stop it.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task Events_RedisStoppedAndRestarted_SpectatorGetsTheEventsOfTheOutageInOrderWhileTheMatchPlaysOn()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = _redis.Configuration,
            ["Redis:FeedStreamKey"] = "test:outage",
            ["Spectators:HeartbeatInterval"] = "00:00:00.200",
        };
        await using TestServer server = await SpectatorTestServers.StartAsync(settings);
        using HttpClient http = server.CreateHttpClient();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using SseClient watching = await SseClient.OpenAsync(server, $"/matches/{ada.Welcome.MatchId}/events");
        await watching.NextEventAsync("score");
        var seen = new List<SseMessage>();

        await _redis.StopAsync();
        JsonElement down = await WaitForHealthAsync(http, "Degraded");
        Assert.Contains("Redis", down.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob", ada.Welcome.MatchId);
        uint tick = ada.World.Tick;
        await ada.WaitForWorldAsync(w => w.Tick >= tick + 10);
        await HeartbeatAsync(watching, seen);

        await _redis.RestartAsync();
        SseMessage message;
        do
        {
            message = await watching.NextEventAsync();
            if (message.Id is not null)
            {
                seen.Add(message);
            }
        }
        // Ada's own join may reach the stream after the spectator opened: Bob's is the one written during the outage.
        while (message.Event != "player.joined" || message.Json.GetProperty("name").GetString() != "Bob");

        long[] ids = [.. seen.Select(static m => long.Parse(m.Id!, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        await WaitForHealthAsync(http, "Healthy");
    }

    [Fact]
    public async Task Append_MoreEventsThanTheQueueHoldsWhileRedisIsAway_DropsAndCountsTheRestAndWritesTheFirstInOrder()
    {
        using var metrics = new MetricRecorder(_meters);
        using var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = new RedisOptions { Configuration = _redis.Configuration, FeedStreamKey = "test:bound", FeedQueueCapacity = 4 };
        await using var log = new RedisFeedLog(options, new SpectatorFeedOptions(), TimeProvider.System, new SpectatorMetrics(_meters),
            loggers.CreateLogger<RedisFeedLog>());
        await log.StartAsync(CancellationToken.None);

        await _redis.StopAsync();
        await WaitUntilAsync(() => !log.IsRedisReachable);
        for (int i = 0; i < 10; i++)
        {
            log.Append(1, "score", [(byte)('0' + i)]);
        }

        Assert.Equal(6, log.DroppedEvents);
        Assert.Equal(6, metrics.Total("gameserver.feed.events.failed"));

        await _redis.RestartAsync();
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        await log.FlushedAsync(timeout.Token);
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        StreamEntry[] entries = await connection.GetDatabase().StreamRangeAsync(options.FeedStreamKey);
        Assert.Equal(["0", "1", "2", "3"], entries.Select(static e => System.Text.Encoding.ASCII.GetString((byte[])e["d"]!)));

        // However many times the loops tried meanwhile: the outage is told once as it begins and once as it ends.
        await WaitUntilAsync(() => logs.Entries.Any(static e => e.Id.Name == "FeedRedisBack"));
        Assert.Single(logs.Entries, static e => e.Id.Name == "FeedRedisLost");
        string back = Assert.Single(logs.Entries, static e => e.Id.Name == "FeedRedisBack").Message;
        Assert.Contains("6 were dropped", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_RedisAway_DoesNotWaitForIt()
    {
        var options = new RedisOptions { Configuration = _redis.Configuration, FeedStreamKey = "test:stop" };
        await using var log = new RedisFeedLog(options, new SpectatorFeedOptions(), TimeProvider.System, new SpectatorMetrics(_meters));
        await log.StartAsync(CancellationToken.None);
        await _redis.StopAsync();
        await WaitUntilAsync(() => !log.IsRedisReachable);
        log.Append(1, "score", [(byte)'0']);

        // A host that would wait for ever: waiting for Redis would never end.
        await log.StopAsync(CancellationToken.None).WaitAsync(TestPlayer.Patience);

        Assert.Equal(1, log.HeldEvents);
    }

    public Task InitializeAsync() => _redis.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        _meters.Dispose();
    }

    // With Redis away the stream stays open on the node's heartbeats; events before one were in Redis before it went.
    private static async Task HeartbeatAsync(SseClient client, List<SseMessage> seen)
    {
        while (true)
        {
            SseMessage message = await client.NextAsync() ?? throw new EndOfStreamException("The stream ended while Redis was away.");
            if (message.Data is null && message.Lines.SequenceEqual([": heartbeat"]))
            {
                return;
            }

            if (message.Id is not null)
            {
                seen.Add(message);
            }
        }
    }

    private static async Task<JsonElement> WaitForHealthAsync(HttpClient http, string status)
    {
        JsonElement health = default;
        await WaitUntilAsync(async () =>
        {
            using HttpResponseMessage response = await http.GetAsync("/health");
            health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return health.GetProperty("status").GetString() == status;
        });
        return health;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
