using System.Collections.Concurrent;
using GameServer.Matches;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>The cluster's match ids: reserved from Redis' counter in blocks ahead of need, so that opening a match seldom waits on Redis.</summary>
public sealed partial class RedisMatchIds(RedisDirectoryConnection redis, RedisOptions options, ILogger<RedisMatchIds> logger) : IMatchIds
{
    private const int IdBlock = 16;

    private readonly RedisDirectoryKeys _keys = new(options.DirectoryKeyPrefix);

    private readonly ConcurrentQueue<uint> _ids = new();
    private int _toppingUp;

    public uint Next()
    {
        if (_ids.TryDequeue(out uint id))
        {
            if (_ids.Count < IdBlock / 2)
            {
                _ = TopUpIdsAsync();
            }

            return id;
        }

        // The first open, or a burst of opens that outran the reservations: this open waits for one INCR (on a
        // connection's thread, never a tick's).
        _ = TopUpIdsAsync();
        return checked((uint)redis.Database.StringIncrement(_keys.MatchIds));
    }

    private async Task TopUpIdsAsync()
    {
        if (Interlocked.Exchange(ref _toppingUp, 1) != 0)
        {
            return;
        }

        try
        {
            long last = await redis.Database.StringIncrementAsync(_keys.MatchIds, IdBlock);
            for (long next = last - IdBlock + 1; next <= last; next++)
            {
                _ids.Enqueue(checked((uint)next));
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Next() falls back to one INCR per match until Redis answers.
            LogIdsFailed(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _toppingUp, 0);
        }
    }

    [LoggerMessage(EventId = 72, EventName = "DirectoryIdsFailed", Level = LogLevel.Warning, Message = "Could not reserve match ids in Redis")]
    private static partial void LogIdsFailed(ILogger logger, Exception exception);
}
