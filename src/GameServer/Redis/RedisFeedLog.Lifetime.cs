using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>The log as a hosted service: connected at start, its last events written and its loops ended at stop.</summary>
public sealed partial class RedisFeedLog
{
    /// <summary>Connects (both connections), reads the stream's positions and starts the write and follow loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _writes = await ConnectAsync();
        _follows = await ConnectAsync();
        await StartFromTheEndAsync();
        _loops = Task.WhenAll(WriteLoopAsync(_stopping.Token), FollowLoopAsync(_stopping.Token));
    }

    /// <summary>
    /// Ends the streams, writes what the pump queued last (such as the matches' ends) while the host allows, then
    /// stops the loops. With Redis away it does not wait for it: the events held are given up, and said so.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Complete();
        if (IsRedisReachable)
        {
            await FlushedAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await StopLoopsAsync(cancellationToken);
        if (HeldEvents > 0)
        {
            LogHeldAtStop(_logger, HeldEvents, RedisEndpoints);
        }
    }

    /// <summary>Ends every stream of this node (the server is stopping); browsers reconnect to another node.</summary>
    public void Complete()
    {
        _completed = true;
        _signal.Pulse();
    }

    /// <summary>Stops and closes both connections; once, though the container that made it disposes it once per service it was registered as.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Complete();
        await StopLoopsAsync(CancellationToken.None);
        _stopping.Dispose();
        if (_writes is not null)
        {
            await _writes.DisposeAsync();
        }

        if (_follows is not null)
        {
            await _follows.DisposeAsync();
        }
    }

    private async Task StopLoopsAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loops.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            // Commands fail at once while the connection is down, rather than wait in the client's backlog: the loops
            // keep what failed and choose when to try again.
            ConfigurationOptions configuration = ConfigurationOptions.Parse(_options.Configuration);
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            return await ConnectionMultiplexer.ConnectAsync(configuration);
        }
        catch (RedisConnectionException exception)
        {
            throw new RedisUnreachableException(
                $"GameServer cannot start: Redis at Redis:Configuration ('{Endpoints(_options.Configuration)}') did not answer. Start Redis there, or set Redis:Configuration to where it runs (empty: no Redis, one node).",
                exception);
        }
    }

    // Only the endpoints: the rest of a connection string can hold a password.
    private static string Endpoints(string configuration) =>
        string.Join(",", ConfigurationOptions.Parse(configuration).EndPoints.Select(static e => e.ToString()));

    [LoggerMessage(EventId = 58, EventName = "FeedRedisHeldAtStop", Level = LogLevel.Warning,
        Message = "Stopping with {HeldCount} spectator feed events not written to Redis at {Endpoints}: they are lost.")]
    private static partial void LogHeldAtStop(ILogger logger, long heldCount, string endpoints);
}
