using GameServer.Redis;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GameServer.Tests.Redis;

/// <summary>Match ids from Redis' counter stay unique when Redis comes back empty. A redis-server of the tests' own, since one restarts it.</summary>
public sealed class RedisMatchIdsTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private RedisDirectoryConnection? _connection;

    [Fact]
    public async Task Next_RedisRestartedEmpty_NeverHandsOutAnIdAgain()
    {
        RedisMatchIds ids = Ids();
        var handedOut = new List<uint>();
        for (int i = 0; i < 40; i++)
        {
            handedOut.Add(await NextAsync(ids));
        }

        await _redis.StopAsync();
        await _redis.RestartAsync();

        // Past the blocks reserved before the restart: these come from the emptied counter.
        for (int i = 0; i < 40; i++)
        {
            handedOut.Add(await NextAsync(ids));
        }

        Assert.Equal(handedOut.Count, handedOut.Distinct().Count());
    }

    [Fact]
    public async Task Next_CounterMissingWhileOtherNodesListMatches_StartsAboveTheirIds()
    {
        await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        await redis.GetDatabase().HashSetAsync(_prefix + "matches", [new(500, "node-b"), new(70, "node-c")]);

        uint first = await NextAsync(Ids());

        Assert.True(first > 500, $"The first id was {first}, one that a listed match may hold.");
    }

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _connection = new RedisDirectoryConnection(Options());
        await _connection.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _connection!.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private RedisOptions Options() => new() { Configuration = _redis.Configuration, DirectoryKeyPrefix = _prefix };

    private RedisMatchIds Ids() => new(_connection!, Options(), NullLogger<RedisMatchIds>.Instance);

    // While the connection finds the restarted Redis again, an id that has to come from it is refused: asked again.
    private static async Task<uint> NextAsync(RedisMatchIds ids)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (true)
        {
            try
            {
                return await ids.NextAsync();
            }
            catch (RedisException)
            {
                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
    }
}
