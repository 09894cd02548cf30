namespace GameServer.Ticking;

/// <summary>The tick loop's log messages.</summary>
internal static partial class TickLog
{
    [LoggerMessage(EventId = 1, EventName = "SlowTick", Level = LogLevel.Warning,
        Message = "Tick shard {Shard} took {DurationMs:F1} ms, longer than its {PeriodMs:F1} ms period; {SuppressedCount} other slow ticks were not logged since the last warning. The shard is overloaded: lower Tick:TickRate, add shards or move matches to another server.")]
    public static partial void SlowTick(ILogger logger, int shard, double durationMs, double periodMs, long suppressedCount);

    [LoggerMessage(EventId = 2, EventName = "TicksSkipped", Level = LogLevel.Warning,
        Message = "Tick shard {Shard} fell {SkippedTicks} ticks behind and skipped them; its schedule restarts from now. {SuppressedCount} other skips were not logged since the last warning.")]
    public static partial void TicksSkipped(ILogger logger, int shard, long skippedTicks, long suppressedCount);

    [LoggerMessage(EventId = 3, EventName = "TickTargetFailed", Level = LogLevel.Error,
        Message = "A {TargetType} on tick shard {Shard} threw from its tick and was dropped from the loop.")]
    public static partial void TargetFailed(ILogger logger, Exception exception, string targetType, int shard);

    [LoggerMessage(EventId = 4, EventName = "TickFailureHandlerFailed", Level = LogLevel.Error,
        Message = "The failure handler of a {TargetType} on tick shard {Shard} threw as well.")]
    public static partial void FailureHandlerFailed(ILogger logger, Exception exception, string targetType, int shard);

    [LoggerMessage(EventId = 5, EventName = "TickLoopStarted", Level = LogLevel.Information,
        Message = "Tick loop started: {ShardCount} shards at {TickRate} ticks per second.")]
    public static partial void Started(ILogger logger, int shardCount, int tickRate);

    [LoggerMessage(EventId = 6, EventName = "TickLoopStopAbandoned", Level = LogLevel.Warning,
        Message = "Shutdown did not wait for {RunningShards} tick shards still inside a tick; their threads end with the process.")]
    public static partial void StopAbandoned(ILogger logger, int runningShards);

    [LoggerMessage(EventId = 7, EventName = "TickShardFault", Level = LogLevel.Error,
        Message = "Tick shard {Shard} caught an exception outside its matches' ticks (a metric listener or its own bookkeeping) and goes on ticking; {SuppressedCount} other faults were not logged since the last one.")]
    public static partial void ShardFault(ILogger logger, Exception exception, int shard, long suppressedCount);
}
