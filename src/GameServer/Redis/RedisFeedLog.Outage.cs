namespace GameServer.Redis;

/// <summary>
/// Redis lost while running: the matches play on, the feed's events wait in the queue (the write loop) and the
/// spectators get heartbeats (the follow loop) until it answers again. Each loop says when it lost Redis and when
/// it got it back; the node logs the outage once at each end, however long it lasts, and reports it as health.
/// </summary>
public sealed partial class RedisFeedLog
{
    // Retries start soon, so a blip costs the spectators little, and back off so an outage costs Redis little on its return.
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_maxRetry = TimeSpan.FromSeconds(2);

    private readonly Lock _outageLock = new();
    // Read and written through Volatile, by the loop each belongs to (and read by the health check).
    private bool _writesLost;
    private bool _followLost;
    private bool _outage;
    private long _outageStarted;
    private long _droppedBeforeOutage;

    /// <summary>Whether both loops reach Redis; false from a failed command until a later one succeeds.</summary>
    public bool IsRedisReachable => !Volatile.Read(ref _writesLost) && !Volatile.Read(ref _followLost);

    /// <summary>Events appended and not yet in the stream: waiting in the queue, or kept by the write loop for Redis's return.</summary>
    public long HeldEvents => Volatile.Read(ref _held);

    /// <summary>Where this node's Redis is, without the rest of the connection string (which can hold a password).</summary>
    internal string RedisEndpoints => Endpoints(_options.Configuration);

    private static TimeSpan NextRetry(TimeSpan retry) => retry * 2 < s_maxRetry ? retry * 2 : s_maxRetry;

    private void RedisLost(ref bool loopLost, Exception exception)
    {
        if (Volatile.Read(ref loopLost))
        {
            return;
        }

        Volatile.Write(ref loopLost, true);
        lock (_outageLock)
        {
            if (_outage)
            {
                return;
            }

            _outage = true;
            _outageStarted = _time.GetTimestamp();
            _droppedBeforeOutage = DroppedEvents;
        }

        LogRedisLost(_logger, exception, RedisEndpoints, _options.FeedQueueCapacity);
    }

    private void RedisBack(ref bool loopLost)
    {
        if (!Volatile.Read(ref loopLost))
        {
            return;
        }

        Volatile.Write(ref loopLost, false);
        TimeSpan lasted;
        long dropped;
        lock (_outageLock)
        {
            if (!_outage || !IsRedisReachable)
            {
                return;
            }

            _outage = false;
            lasted = _time.GetElapsedTime(_outageStarted);
            dropped = DroppedEvents - _droppedBeforeOutage;
        }

        LogRedisBack(_logger, RedisEndpoints, lasted.TotalSeconds, HeldEvents, dropped);
    }

    [LoggerMessage(EventId = 56, EventName = "FeedRedisLost", Level = LogLevel.Warning,
        Message = "Redis at {Endpoints} is unreachable: matches play on; spectator feed events wait on this node (up to {Capacity}, Redis:FeedQueueCapacity) and are written when it returns.")]
    private static partial void LogRedisLost(ILogger logger, Exception exception, string endpoints, int capacity);

    [LoggerMessage(EventId = 57, EventName = "FeedRedisBack", Level = LogLevel.Information,
        Message = "Redis at {Endpoints} answers again after {Seconds:F1} s: {HeldCount} spectator feed events held meanwhile are being written; {DroppedCount} were dropped (queue full).")]
    private static partial void LogRedisBack(ILogger logger, string endpoints, double seconds, long heldCount, long droppedCount);
}
