using GameServer.Diagnostics;
using GameServer.Ticking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Ticking;

/// <summary>A broken logger or metrics listener costs a log line or a measurement, never a tick, a match or a shard.</summary>
public sealed class TickShardFaultTests : IDisposable
{
    private const int TickRate = 20;
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meterFactory = new();
    private readonly ThrowingListener _listener;
    private readonly TickShard _shard;

    public TickShardFaultTests()
    {
        _listener = new ThrowingListener(_meterFactory);
        var options = new TickOptions { TickRate = TickRate, MaxCatchUpTicks = 3 };
        _shard = new TickShard(0, options, _time, new TickMetrics(_meterFactory), new ThrowingLogger());
    }

    public void Dispose()
    {
        _shard.Dispose();
        _listener.Dispose();
        _meterFactory.Dispose();
    }

    [Fact]
    public void RunDueTicks_MetricListenerThrowsOnEveryTick_RunsEveryTickAndCountsTheFaults()
    {
        var target = new RecordingTarget();
        _shard.Add(target);

        for (var i = 0; i < 10; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        Assert.Equal(10, target.Ticks);
        Assert.Equal(10, _shard.TicksRun);
        Assert.Equal(10, _shard.Faults);
        Assert.True(_listener.Thrown >= 10);
    }

    [Fact]
    public void RunDueTicks_OverrunSkipAndFailedTargetWhileLoggerAndListenerThrow_KeepsTickingTheOthers()
    {
        var healthy = new RecordingTarget();
        var slow = new RecordingTarget(tick =>
        {
            // Overruns its first ticks: a slow-tick warning and an overrun measurement, both of which throw.
            if (tick <= 2)
            {
                _time.Advance(s_period * 2);
            }

            return true;
        });
        var failing = new RecordingTarget(tick => tick == 3 ? throw new InvalidOperationException("boom") : true);
        _shard.Add(healthy);
        _shard.Add(slow);
        _shard.Add(failing);

        for (var i = 0; i < 10; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        // A stall long enough to skip ticks: a skip warning and a skip measurement, both of which throw.
        _time.Advance(s_period * 20);
        _shard.RunDueTicks();
        var ticksAfterStall = healthy.Ticks;
        _time.Advance(s_period);
        _shard.RunDueTicks();

        Assert.True(_shard.SkippedTicks > 0);
        Assert.True(_shard.Overruns > 0);
        Assert.Equal(1, failing.Failures);
        Assert.Equal(ticksAfterStall + 1, healthy.Ticks);
        Assert.Equal(healthy.Ticks, slow.Ticks);
        Assert.Equal(2, _shard.TargetCount);
        Assert.True(_shard.Faults > 0);
    }

    [Fact]
    public async Task Start_MetricListenerThrows_ShardThreadKeepsTickingItsTargets()
    {
        using var meterFactory = new TestMeterFactory();
        using var listener = new ThrowingListener(meterFactory);
        using var loop = new TickLoop(
            Options.Create(new TickOptions { ShardCount = 1, TickRate = 120 }), TimeProvider.System, meterFactory, NullLoggerFactory.Instance);
        var thirtiethTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Add(new RecordingTarget(tick =>
        {
            if (tick == 30)
            {
                thirtiethTick.TrySetResult();
            }

            return true;
        }));

        await loop.StartAsync(CancellationToken.None);
        await thirtiethTick.Task.WaitAsync(s_hangGuard);
        await loop.StopAsync(CancellationToken.None).WaitAsync(s_hangGuard);

        Assert.True(loop.GetShard(0).Faults >= 29);
    }

    [Fact]
    public void Log_InnerLoggerThrows_DoesNotThrowAndCountsTheFailure()
    {
        var logger = new GuardedLogger(new ThrowingLogger());

        logger.LogError("A tick thread logs; the sink is broken.");

        Assert.Equal(1, logger.Failures);
    }
}
