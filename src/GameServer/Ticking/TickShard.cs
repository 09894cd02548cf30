using System.Collections.Concurrent;

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
    private int _targetCount;
    private long _ticksRun;
    private long _overruns;
    private long _skippedTicks;

    public TickShard(int index, TickOptions options, TimeProvider timeProvider, TickMetrics metrics, ILogger logger)
    {
        Index = index;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _shardTag = TickMetrics.CreateShardTag(index);
        _period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / options.TickRate);
        var frequency = timeProvider.TimestampFrequency;
        _schedule = new TickSchedule(options.TickRate, options.MaxCatchUpTicks, frequency, timeProvider.GetTimestamp());
        _slowTickWarnings = new LogRateLimiter(s_warningInterval, frequency);
        _skipWarnings = new LogRateLimiter(s_warningInterval, frequency);
        _thread = new Thread(RunThread) { IsBackground = true, Name = $"tick-shard-{index}" };
    }

    public int Index { get; }

    /// <summary>Targets on this shard, counting those handed over but not yet picked up.</summary>
    public int TargetCount => Volatile.Read(ref _targetCount);

    public long TicksRun => Volatile.Read(ref _ticksRun);

    public long Overruns => Volatile.Read(ref _overruns);

    public long SkippedTicks => Volatile.Read(ref _skippedTicks);

    /// <summary>Hands a target to the shard; it runs from the next tick on. Safe from any thread.</summary>
    public void Add(ITickTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Interlocked.Increment(ref _targetCount);
        _added.Enqueue(target);
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

        var elapsed = _timeProvider.GetElapsedTime(start);
        Volatile.Write(ref _ticksRun, _ticksRun + 1);
        _metrics.TickCompleted(elapsed, _shardTag);
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

    private void OnTargetFailed(ITickTarget target, Exception exception)
    {
        _metrics.MatchFailed();
        var targetType = target.GetType().Name;
        TickLog.TargetFailed(_logger, exception, targetType, Index);
        try
        {
            target.OnTickFailed(exception);
        }
        catch (Exception handlerException)
        {
            TickLog.FailureHandlerFailed(_logger, handlerException, targetType, Index);
        }
    }

    private void OnOverrun(TimeSpan elapsed)
    {
        Volatile.Write(ref _overruns, _overruns + 1);
        _metrics.TickOverran(_shardTag);
        if (_slowTickWarnings.TryAcquire(_timeProvider.GetTimestamp(), out var suppressed))
        {
            TickLog.SlowTick(_logger, Index, elapsed.TotalMilliseconds, _period.TotalMilliseconds, suppressed);
        }
    }

    private void OnTicksSkipped(long skipped)
    {
        Volatile.Write(ref _skippedTicks, _skippedTicks + skipped);
        _metrics.TicksSkipped(skipped, _shardTag);
        if (_skipWarnings.TryAcquire(_timeProvider.GetTimestamp(), out var suppressed))
        {
            TickLog.TicksSkipped(_logger, Index, skipped, suppressed);
        }
    }
}
