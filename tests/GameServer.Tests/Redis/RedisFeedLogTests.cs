using GameServer.Redis;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;
using GameServer.Tests.Ticking;

namespace GameServer.Tests.Redis;

/// <summary>The feed log's contract, held by the Redis stream log against a real redis-server; a flush and a read of the stream's positions deliver.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisFeedLogTests(RedisServer redis) : FeedLogContractTests, IAsyncLifetime
{
    private readonly TestMeterFactory _meters = new();
    private readonly List<RedisFeedLog> _logs = [];

    protected override IFeedLog CreateLog()
    {
        var options = new RedisOptions { Configuration = redis.Configuration, FeedStreamKey = $"test:{Guid.NewGuid():N}", FeedMaxLength = Holds };
        var log = new RedisFeedLog(options, new SpectatorFeedOptions(), TimeProvider.System, new SpectatorMetrics(_meters));
        log.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _logs.Add(log);
        return log;
    }

    protected override async Task DeliverAsync(IFeedLog log)
    {
        var redisLog = (RedisFeedLog)log;
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        await redisLog.FlushedAsync(timeout.Token);
        await redisLog.FollowedAsync(timeout.Token);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (RedisFeedLog log in _logs)
        {
            await log.DisposeAsync();
        }

        _meters.Dispose();
    }
}
