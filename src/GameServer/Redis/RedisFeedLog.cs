using System.Threading.Channels;
using GameServer.Spectators;
using GameServer.Ticking;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The spectator feed's log on one Redis stream that every node appends to and reads, so any node's <c>/events</c>
/// serves the whole cluster's feed and resumes any id (<see cref="FeedStreamIds"/>). The feed's pump appends into a
/// bounded local queue that a write loop flushes, keeping what Redis did not take for when it returns (see the
/// Outage part); a follow loop blocks on the stream (XREAD BLOCK, on a connection
/// of its own), keeps the entries it reads in a node-local cache and wakes the spectators, who read from the cache,
/// or with XRANGE when they are further behind than it holds.
/// </summary>
public sealed partial class RedisFeedLog : IFeedLog, IHostedService, IAsyncDisposable
{
    // Entry fields, short since every entry of the stream carries their names.
    private static readonly RedisValue s_matchField = "m";
    private static readonly RedisValue s_eventField = "e";
    private static readonly RedisValue s_dataField = "d";

    private readonly RedisOptions _options;
    private readonly SpectatorFeedOptions _feedOptions;
    private readonly TimeProvider _time;
    private readonly SpectatorMetrics _metrics;
    private readonly SpectatorRegistry? _spectators;
    private readonly ILogger _logger;
    private readonly LogRateLimiter _failureLogs;

    // The write loop's own: a limiter serves one thread, and _failureLogs is the pump's (Append).
    private readonly LogRateLimiter _refusalLogs;

    // Bounded by _held, not by the channel: the write loop keeps the events it took but could not write, and they
    // count against Redis:FeedQueueCapacity until they are in the stream.
    private readonly Channel<QueuedFeedEvent> _queue = Channel.CreateUnbounded<QueuedFeedEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly FeedSignal _signal = new();
    private readonly FeedSignal _flushed = new();
    private readonly FeedStreamCache _cache;
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _writes;
    private ConnectionMultiplexer? _follows;
    private Task _loops = Task.CompletedTask;
    private long _queued;
    private long _written;
    private long _held;
    private long _oldestId = 1;
    private long _lastId;
    private long _heartbeats;
    private long _droppedEvents;
    private volatile bool _completed;
    private int _disposed;

    /// <param name="spectators">This node's streams, dropped when they fall out of the stream; none in tests of the log alone.</param>
    public RedisFeedLog(RedisOptions options, SpectatorFeedOptions feedOptions, TimeProvider time, SpectatorMetrics metrics,
        ILogger<RedisFeedLog>? logger = null, SpectatorRegistry? spectators = null)
    {
        _options = options;
        _feedOptions = feedOptions;
        _time = time;
        _metrics = metrics;
        _spectators = spectators;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _failureLogs = new LogRateLimiter(TimeSpan.FromSeconds(1), time.TimestampFrequency);
        _refusalLogs = new LogRateLimiter(TimeSpan.FromSeconds(1), time.TimestampFrequency);
        _cache = new FeedStreamCache(feedOptions.ReplayBufferEvents);
    }

    /// <summary>The lowest id there is: the stream outlives any one node, so every id it gave is one of this log's.</summary>
    public long FirstId => 1;

    public long OldestId => Volatile.Read(ref _oldestId);

    public long LastId => Volatile.Read(ref _lastId);

    public Task Changed => _signal.Changed;

    /// <summary>
    /// Every pulse: this node learns only that the stream moved, not what was added, so the overview's readers wake
    /// with the rest and skip the detail themselves (protocol.md's figures; a stream of its own would spare them that).
    /// </summary>
    public Task OverviewChanged => _signal.Changed;

    public long Heartbeats => Volatile.Read(ref _heartbeats);

    public bool IsCompleted => _completed;

    /// <summary>Events dropped because the queue to Redis was full (Redis slow or away); each is also counted on <c>gameserver.feed.events.failed</c>.</summary>
    public long DroppedEvents => Volatile.Read(ref _droppedEvents);

    private IDatabase Database => _writes!.GetDatabase();

    /// <summary>Queues the event for the write loop; never waits. A full queue (Redis slow or gone) drops it, counted as a failed event.</summary>
    public void Append(uint matchId, string eventName, byte[] data)
    {
        if (Interlocked.Increment(ref _held) <= _options.FeedQueueCapacity)
        {
            _queue.Writer.TryWrite(new QueuedFeedEvent(matchId, eventName, data));
            Interlocked.Increment(ref _queued);
            return;
        }

        Interlocked.Decrement(ref _held);
        Interlocked.Increment(ref _droppedEvents);
        _metrics.EventFailed();
        if (_failureLogs.TryAcquire(_time.GetTimestamp(), out long suppressed))
        {
            LogQueueFull(_logger, _options.FeedQueueCapacity, suppressed);
        }
    }

    [LoggerMessage(EventId = 53, EventName = "FeedRedisQueueFull", Level = LogLevel.Warning,
        Message = "The spectator feed's queue to Redis is full (Redis:FeedQueueCapacity, {Capacity} events): an event was dropped; {SuppressedCount} other drops were not logged since the last one.")]
    private static partial void LogQueueFull(ILogger logger, int capacity, long suppressedCount);
}
