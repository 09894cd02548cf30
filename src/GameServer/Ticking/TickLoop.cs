using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace GameServer.Ticking;

/// <summary>The fixed-rate tick loop: runs every added target once per tick, spread over shards that each own a thread.</summary>
/// <remarks>
/// A target stays on the shard it was placed on, so one heavy match delays only the matches on its own shard.
/// See <see cref="TickSchedule"/> for how late ticks are caught up or skipped.
/// </remarks>
public sealed class TickLoop : IHostedService, IDisposable
{
    private readonly TickShard[] _shards;
    private readonly ILogger _logger;
    private readonly TickMetrics _metrics;
    // Serialises placement so that concurrent adds see each other's counts and spread evenly.
    private readonly Lock _placementLock = new();

    public TickLoop(IOptions<TickOptions> options, TimeProvider timeProvider, IMeterFactory meterFactory, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = options.Value;
        TickRate = settings.TickRate;
        Period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / settings.TickRate);
        _logger = loggerFactory.CreateLogger<TickLoop>();
        var metrics = new TickMetrics(meterFactory);
        _metrics = metrics;
        var shardLogger = loggerFactory.CreateLogger(typeof(TickShard).FullName!);
        _shards = new TickShard[settings.EffectiveShardCount];
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new TickShard(i, settings, timeProvider, metrics, shardLogger);
        }

        metrics.ObserveBusy(_shards);
    }

    /// <summary>Number of shards, each with its own thread: Tick:ShardCount, or the processor count when that is 0.</summary>
    public int ShardCount => _shards.Length;

    /// <summary>Ticks per second (Tick:TickRate, default 30).</summary>
    public int TickRate { get; }

    /// <summary>Time between two ticks: one second divided by <see cref="TickRate"/>.</summary>
    public TimeSpan Period { get; }

    /// <summary>Targets in the loop over all shards, counting those added but not yet picked up by their shard.</summary>
    public int TargetCount
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards)
            {
                count += shard.TargetCount;
            }

            return count;
        }
    }

    internal TickShard GetShard(int index) => _shards[index];

    /// <summary>Records a zero on the loop's counters of every shard, so their series exist before the first overrun.</summary>
    internal void RecordZeros() => _metrics.RecordZeros(_shards.Length);

    /// <summary>Targets on shard <paramref name="shardIndex"/>.</summary>
    public int GetTargetCount(int shardIndex) => _shards[shardIndex].TargetCount;

    /// <summary>Adds a target to the shard with the fewest targets; it runs from that shard's next tick. Safe from any thread.</summary>
    /// <remarks>A target added before start waits for it; one added after stop never runs.</remarks>
    public void Add(ITickTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_placementLock)
        {
            var least = _shards[0];
            for (var i = 1; i < _shards.Length; i++)
            {
                if (_shards[i].TargetCount < least.TargetCount)
                {
                    least = _shards[i];
                }
            }

            least.Add(target);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var shard in _shards)
        {
            shard.Start();
        }

        TickLog.Started(_logger, _shards.Length, TickRate);
        return Task.CompletedTask;
    }

    /// <summary>Stops every shard after its current tick and waits for their threads, or until <paramref name="cancellationToken"/> gives up.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Every shard is told first so that they wind down in parallel rather than one after another.
        foreach (var shard in _shards)
        {
            shard.RequestStop();
        }

        var stops = new Task[_shards.Length];
        for (var i = 0; i < _shards.Length; i++)
        {
            stops[i] = _shards[i].StopAsync(cancellationToken);
        }

        try
        {
            await Task.WhenAll(stops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout won: a target is stuck in its tick. Shard threads are background
            // threads, so they do not keep the process alive.
            var running = 0;
            foreach (var stop in stops)
            {
                running += stop.IsCompletedSuccessfully ? 0 : 1;
            }

            TickLog.StopAbandoned(_logger, running);
        }
    }

    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }
    }
}
