using System.Collections.Concurrent;
using GameServer.Diagnostics;

namespace GameServer.Ticking;

/// <summary>Runs its targets once per tick on one dedicated thread, at a drift-free fixed rate.</summary>
/// <remarks>
/// The target list is owned by the shard's thread; other threads hand targets over through a concurrent queue
/// that the shard drains at the start of each tick. A target that throws or finishes is dropped without
/// affecting the others. The steady-state tick allocates nothing.
/// </remarks>
internal sealed partial class TickShard
{
    private static readonly TimeSpan s_warningInterval = TimeSpan.FromSeconds(1);

    /// <summary>How far back <see cref="RecentOverruns"/> and <see cref="RecentBusyPercent"/> look.</summary>
    internal static readonly TimeSpan RecentWindowLength = TimeSpan.FromSeconds(3);

    private readonly ConcurrentQueue<ITickTarget> _added = new();
    private readonly List<ITickTarget> _targets = [];
    private readonly TickSchedule _schedule;
    private readonly TimeProvider _timeProvider;
    private readonly TickMetrics _metrics;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _shardTag;
    private readonly TimeSpan _period;
    private readonly LogRateLimiter _slowTickWarnings;
    private readonly LogRateLimiter _skipWarnings;
    private readonly LogRateLimiter _faultWarnings;
    private readonly TickWindow _recent;
    private int _targetCount;
    private long _ticksRun;
    private long _overruns;
    private long _skippedTicks;
    private long _faults;
    private long _lastTickAt;

    public TickShard(int index, TickOptions options, TimeProvider timeProvider, TickMetrics metrics, ILogger logger)
    {
        Index = index;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger as GuardedLogger ?? new GuardedLogger(logger);
        _shardTag = TickMetrics.CreateShardTag(index);
        _period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.TickRate);
        var frequency = timeProvider.TimestampFrequency;
        _schedule = new TickSchedule(options.TickRate, options.MaxCatchUpTicks, frequency, timeProvider.GetTimestamp());
        _slowTickWarnings = new LogRateLimiter(s_warningInterval, frequency);
        _skipWarnings = new LogRateLimiter(s_warningInterval, frequency);
        _faultWarnings = new LogRateLimiter(s_warningInterval, frequency);
        _recent = new TickWindow((int)Math.Ceiling(RecentWindowLength.TotalSeconds * options.TickRate), _period.Ticks);
        _lastTickAt = timeProvider.GetTimestamp();
        _thread = new Thread(RunThread) { IsBackground = true, Name = $"tick-shard-{index}" };
    }

    public int Index { get; }

    /// <summary>Targets on this shard, counting those handed over but not yet picked up.</summary>
    public int TargetCount => Volatile.Read(ref _targetCount);

    public long TicksRun => Volatile.Read(ref _ticksRun);

    public long Overruns => Volatile.Read(ref _overruns);

    public long SkippedTicks => Volatile.Read(ref _skippedTicks);

    /// <summary>The timestamp (of the shard's <see cref="TimeProvider"/>) at which its last tick ended, or it started.</summary>
    public long LastTickTimestamp => Volatile.Read(ref _lastTickAt);

    /// <summary>True while the shard has no target and sleeps until one is added: it is not late, it has nothing to run.</summary>
    public bool IsIdle => Volatile.Read(ref _idle);

    /// <summary>Ticks among the last <see cref="RecentTicks"/> that took longer than the period.</summary>
    public int RecentOverruns => _recent.Overruns;

    /// <summary>How many of the latest ticks <see cref="RecentOverruns"/> looks at: <see cref="RecentWindowLength"/> of them.</summary>
    public int RecentTicks => _recent.Size;

    /// <summary>
    /// The time the last <see cref="RecentTicks"/> ticks took as a share of their periods, in percent: how full the
    /// shard is, including the time its thread waited for the core (over 100 when it falls behind).
    /// </summary>
    public int RecentBusyPercent => _recent.BusyPercent;

    /// <summary>Exceptions the shard caught outside its targets' ticks: from a metric listener, or its own bookkeeping.</summary>
    public long Faults => Volatile.Read(ref _faults);

    /// <summary>Hands a target to the shard; it runs from the next tick on. Safe from any thread.</summary>
    public void Add(ITickTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Interlocked.Increment(ref _targetCount);
        _added.Enqueue(target);
        _work.Set();
    }

    /// <summary>Runs the ticks the schedule says are due now; the shard's thread calls it, and tests with a fake clock.</summary>
    internal void RunDueTicks()
    {
        var batch = _schedule.Advance(_timeProvider.GetTimestamp());
        if (batch.Skipped > 0)
        {
            OnTicksSkipped(batch.Skipped);
        }

        for (var i = 0; i < batch.Run; i++)
        {
            RunTick();
        }
    }

    /// <summary>Runs one tick of every target, now.</summary>
    internal void RunTick()
    {
        var start = _timeProvider.GetTimestamp();
        while (_added.TryDequeue(out var target))
        {
            _targets.Add(target);
        }

        // Compacts in place: kept targets slide down over dropped ones, keeping their order.
        var kept = 0;
        for (var i = 0; i < _targets.Count; i++)
        {
            var target = _targets[i];
            if (RunTarget(target))
            {
                _targets[kept++] = target;
            }
            else
            {
                Interlocked.Decrement(ref _targetCount);
            }
        }

        if (kept < _targets.Count)
        {
            _targets.RemoveRange(kept, _targets.Count - kept);
        }

        var end = _timeProvider.GetTimestamp();
        var elapsed = _timeProvider.GetElapsedTime(start, end);
        Volatile.Write(ref _ticksRun, _ticksRun + 1);
        Volatile.Write(ref _lastTickAt, end);
        _recent.Record(elapsed.Ticks);

        // What a listener does with a measurement runs here, on the tick thread: it must not end the tick, the batch
        // or the thread (Kestrel's Heartbeat guards its callbacks the same way). The logger is a GuardedLogger.
        try
        {
            _metrics.TickCompleted(elapsed, _shardTag);
        }
        catch (Exception exception)
        {
            OnFault(exception);
        }

        if (elapsed > _period)
        {
            OnOverrun(elapsed);
        }
    }

    private bool RunTarget(ITickTarget target)
    {
        try
        {
            return target.RunTick();
        }
        catch (Exception exception)
        {
            OnTargetFailed(target, exception);
            return false;
        }
    }
}
