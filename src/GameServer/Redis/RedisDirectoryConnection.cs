using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>The connection the match directory and the match ids share: connected at start, so that Redis missing is a one-line start-up error.</summary>
public sealed class RedisDirectoryConnection(RedisOptions options) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectionMultiplexer? _redis;

    /// <summary>Completes once the server's start has connected to Redis, for work to do as soon as Redis is there.</summary>
    public Task Connected => _connected.Task;

    public IDatabase Database => (_redis ?? throw new InvalidOperationException("The Redis match directory has not started.")).GetDatabase();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(options.Configuration);
            _connected.TrySetResult();
        }
        catch (RedisConnectionException exception)
        {
            throw new RedisUnreachableException(
                "GameServer cannot start: Redis at Redis:Configuration did not answer for the match directory. Start Redis there, or set Redis:Configuration to where it runs (empty: no Redis, one node).",
                exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
