namespace GameServer.Ticking;

/// <summary>
/// What the shard does besides running its targets: counting and reporting failed targets, overruns, skipped ticks,
/// and faults of its own. None of it may end the tick: a metric listener's exception is caught here and counted.
/// </summary>
internal sealed partial class TickShard
{
    /// <summary>Counts and logs (at most once a second) an exception caught outside the targets' ticks.</summary>
    internal void OnFault(Exception exception)
    {
        Volatile.Write(ref _faults, _faults + 1);
        if (_faultWarnings.TryAcquire(_timeProvider.GetTimestamp(), out var suppressed))
        {
            TickLog.ShardFault(_logger, exception, Index, suppressed);
        }
    }

    private void OnTargetFailed(ITickTarget target, Exception exception)
    {
        var targetType = target.GetType().Name;
        TickLog.TargetFailed(_logger, exception, targetType, Index);
        try
        {
            _metrics.MatchFailed();
        }
        catch (Exception metricException)
        {
            OnFault(metricException);
        }

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
        try
        {
            _metrics.TickOverran(_shardTag);
        }
        catch (Exception exception)
        {
            OnFault(exception);
        }

        if (_slowTickWarnings.TryAcquire(_timeProvider.GetTimestamp(), out var suppressed))
        {
            TickLog.SlowTick(_logger, Index, elapsed.TotalMilliseconds, _period.TotalMilliseconds, suppressed);
        }
    }

    private void OnTicksSkipped(long skipped)
    {
        Volatile.Write(ref _skippedTicks, _skippedTicks + skipped);
        try
        {
            _metrics.TicksSkipped(skipped, _shardTag);
        }
        catch (Exception exception)
        {
            OnFault(exception);
        }

        if (_skipWarnings.TryAcquire(_timeProvider.GetTimestamp(), out var suppressed))
        {
            TickLog.TicksSkipped(_logger, Index, skipped, suppressed);
        }
    }
}
