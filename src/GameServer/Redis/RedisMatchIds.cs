using System.Collections.Concurrent;
using GameServer.Matches;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>The cluster's match ids: reserved from Redis' counter in blocks ahead of need, so that opening a match seldom waits on Redis, and never blocks a thread for it.</summary>
/// <remarks>
/// A Redis that restarts empty (no persistence) would count from 0 again and hand out ids that live matches hold, so a
/// block is never taken below the highest id this node holds, nor, when the counter is missing, below the highest id
/// in the directory's owner list, which every node re-writes at each renewal. What is left: a block taken after an
/// empty restart before another node's first renewal (one <see cref="RedisOptions.RenewInterval"/>) can still meet
/// that node's older ids.
/// </remarks>
public sealed partial class RedisMatchIds : IMatchIds
{
    private const int IdBlock = 16;

    // KEYS: the counter, the owners hash; ARGV: the block, this node's highest id. The owners are scanned only while
    // the counter is missing (a new or emptied Redis), so a block costs one key lookup in the steady state.
    private const string TakeBlockScript = """
        local floor = tonumber(ARGV[2])
        local current = redis.call('GET', KEYS[1])
        if not current then
          for _, id in ipairs(redis.call('HKEYS', KEYS[2])) do
            floor = math.max(floor, tonumber(id))
          end
        elseif tonumber(current) > floor then
          floor = tonumber(current)
        end
        redis.call('SET', KEYS[1], floor)
        return redis.call('INCRBY', KEYS[1], ARGV[1])
        """;

    private readonly RedisDirectoryConnection _redis;
    private readonly ILogger _logger;
    private readonly RedisDirectoryKeys _keys;

    private readonly ConcurrentQueue<uint> _ids = new();
    private int _toppingUp;
    private long _highest;

    public RedisMatchIds(RedisDirectoryConnection redis, RedisOptions options, ILogger<RedisMatchIds> logger)
    {
        _redis = redis;
        _logger = logger;
        _keys = new RedisDirectoryKeys(options.DirectoryKeyPrefix);
        _ = ReserveFirstBlockAsync();
    }

    public async ValueTask<uint> NextAsync(CancellationToken cancellationToken = default)
    {
        if (_ids.TryDequeue(out uint id))
        {
            if (_ids.Count < IdBlock / 2)
            {
                _ = TopUpIdsAsync();
            }

            return id;
        }

        // A burst of opens that outran the reservations, or Redis away: this open waits for a block of one. Awaited,
        // never waited on: a thread blocked on Redis may be the socket engine's, which holds up the very reply (the
        // server runs socket completions inline).
        _ = TopUpIdsAsync();
        RedisResult last = await _redis.Database.ScriptEvaluateAsync(TakeBlockScript, Keys(), Arguments(1)).WaitAsync(cancellationToken);
        return checked((uint)Reserved((long)last));
    }

    // Reserved as soon as Redis is reached, so the first open finds an id waiting rather than a round trip to Redis.
    private async Task ReserveFirstBlockAsync()
    {
        await _redis.Connected;
        await TopUpIdsAsync();
    }

    private async Task TopUpIdsAsync()
    {
        if (Interlocked.Exchange(ref _toppingUp, 1) != 0)
        {
            return;
        }

        try
        {
            long last = Reserved((long)await _redis.Database.ScriptEvaluateAsync(TakeBlockScript, Keys(), Arguments(IdBlock)));
            for (long next = last - IdBlock + 1; next <= last; next++)
            {
                _ids.Enqueue(checked((uint)next));
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Next() falls back to a block of one per match until Redis answers.
            LogIdsFailed(_logger, exception);
        }
        finally
        {
            Volatile.Write(ref _toppingUp, 0);
        }
    }

    private RedisKey[] Keys() => [_keys.MatchIds, _keys.Owners];

    private RedisValue[] Arguments(int block) => [block, Volatile.Read(ref _highest)];

    // Blocks come back in any order (the fallback's and a top-up's can cross), so the highest is raised, never set.
    private long Reserved(long last)
    {
        long seen = Volatile.Read(ref _highest);
        while (last > seen)
        {
            long was = Interlocked.CompareExchange(ref _highest, last, seen);
            if (was == seen)
            {
                break;
            }

            seen = was;
        }

        return last;
    }

    [LoggerMessage(EventId = 72, EventName = "DirectoryIdsFailed", Level = LogLevel.Warning, Message = "Could not reserve match ids in Redis")]
    private static partial void LogIdsFailed(ILogger logger, Exception exception);
}
