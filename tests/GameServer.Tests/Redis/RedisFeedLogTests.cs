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

    protected override IFeedLog CreateLog() => Create($"test:{Guid.NewGuid():N}");

    [Fact]
    public async Task CatchUpAsync_AnEntryAnotherNodeJustAppended_IsHeldHereOnceItCompletes()
    {
        string stream = $"test:{Guid.NewGuid():N}";
        RedisFeedLog writer = Create(stream);
        RedisFeedLog reader = Create(stream);
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        writer.Append(7, "score", "{}"u8.ToArray());
        await writer.FlushedAsync(timeout.Token);
        await writer.CatchUpAsync(timeout.Token);

        await reader.CatchUpAsync(timeout.Token);

        Assert.Equal(writer.LastId, reader.LastId);
        var entries = new FeedEntry[4];
        Assert.Equal(1, (await reader.ReadAsync(reader.LastId, entries)).Count);
        Assert.Equal(7u, entries[0].MatchId);
    }

    private RedisFeedLog Create(string stream)
    {
        var options = new RedisOptions { Configuration = redis.Configuration, FeedStreamKey = stream, FeedMaxLength = Holds };
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
        await redisLog.CatchUpAsync(timeout.Token);
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
