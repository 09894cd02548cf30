using GameServer.Ticking;
using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Ticking;

public sealed class TickShardTests : IDisposable
{
    // 20 ticks per second: a period of exactly 50 ms, so advancing the clock by whole periods lands on due times.
    private const int TickRate = 20;
    private static readonly TimeSpan s_period = TimeSpan.FromMilliseconds(50);

    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meterFactory = new();
    private readonly MetricRecorder _metrics;
    private readonly RecordingLogger _logger = new();
    private readonly TickShard _shard;

    public TickShardTests()
    {
        _metrics = new MetricRecorder(_meterFactory);
        var options = new TickOptions { TickRate = TickRate, MaxCatchUpTicks = 3 };
        _shard = new TickShard(0, options, _time, new TickMetrics(_meterFactory), _logger);
    }

    public void Dispose()
    {
        _shard.Dispose();
        _metrics.Dispose();
        _meterFactory.Dispose();
    }

    [Fact]
    public void RunDueTicks_TickDue_RunsEveryTargetOnce()
    {
        var targets = new[] { new RecordingTarget(), new RecordingTarget(), new RecordingTarget() };
        foreach (var target in targets)
        {
            _shard.Add(target);
        }

        _shard.RunDueTicks();

        Assert.All(targets, target => Assert.Equal(1, target.Ticks));
        Assert.Equal(1, _shard.TicksRun);
    }

    [Fact]
    public void RunDueTicks_NextTickNotDueYet_RunsNothing()
    {
        var target = new RecordingTarget();
        _shard.Add(target);
        _shard.RunDueTicks();

        _time.Advance(s_period / 2);
        _shard.RunDueTicks();

        Assert.Equal(1, target.Ticks);
    }

    [Fact]
    public void RunDueTicks_EachPeriod_RunsEachTargetOncePerPeriod()
    {
        var target = new RecordingTarget();
        _shard.Add(target);

        for (var i = 0; i < 90; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        Assert.Equal(90, target.Ticks);
        Assert.Equal(0, _shard.Overruns);
        Assert.Equal(0, _shard.SkippedTicks);
    }

    [Fact]
    public void RunDueTicks_TargetThrows_DropsItReportsTheFailureAndOthersKeepTicking()
    {
        var failure = new InvalidOperationException("boom");
        var before = new RecordingTarget();
        var failing = new RecordingTarget(tick => tick < 2 ? true : throw failure);
        var after = new RecordingTarget();
        _shard.Add(before);
        _shard.Add(failing);
        _shard.Add(after);

        for (var i = 0; i < 5; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        Assert.Equal(2, failing.Ticks);
        Assert.Equal(1, failing.Failures);
        Assert.Same(failure, failing.Failure);
        Assert.Equal(5, before.Ticks);
        Assert.Equal(5, after.Ticks);
        Assert.Equal(2, _shard.TargetCount);
        Assert.Equal(1, _metrics.Total("gameserver.matches.failed"));
    }

    [Fact]
    public void RunDueTicks_FailureHandlerThrowsToo_DropsTheTargetAndKeepsTicking()
    {
        var failing = new ThrowingTarget();
        var other = new RecordingTarget();
        _shard.Add(failing);
        _shard.Add(other);

        _shard.RunDueTicks();
        _time.Advance(s_period);
        _shard.RunDueTicks();

        Assert.Equal(1, failing.Ticks);
        Assert.Equal(2, other.Ticks);
        Assert.Equal(1, _shard.TargetCount);
    }

    [Fact]
    public void RunDueTicks_TargetReturnsFalse_DropsIt()
    {
        var finishing = new RecordingTarget(tick => tick < 3);
        var other = new RecordingTarget();
        _shard.Add(finishing);
        _shard.Add(other);

        for (var i = 0; i < 6; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        Assert.Equal(3, finishing.Ticks);
        Assert.Equal(0, finishing.Failures);
        Assert.Equal(6, other.Ticks);
        Assert.Equal(1, _shard.TargetCount);
    }

    [Fact]
    public async Task Add_FromOtherThreadsWhileTicking_EveryTargetIsPickedUp()
    {
        const int Threads = 4;
        const int PerThread = 250;
        var targets = new RecordingTarget[Threads * PerThread];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = new RecordingTarget();
        }

        using var go = new ManualResetEventSlim();
        var adders = new Task[Threads];
        for (var t = 0; t < Threads; t++)
        {
            var first = t * PerThread;
            adders[t] = Task.Factory.StartNew(
                () =>
                {
                    go.Wait();
                    for (var i = first; i < first + PerThread; i++)
                    {
                        _shard.Add(targets[i]);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        go.Set();
        var allAdded = Task.WhenAll(adders);
        while (!allAdded.IsCompleted)
        {
            _shard.RunTick();
        }

        await allAdded;
        _shard.RunTick();

        Assert.All(targets, target => Assert.True(target.Ticks >= 1));
        Assert.Equal(targets.Length, _shard.TargetCount);
    }

    [Fact]
    public void RunDueTicks_TickLongerThanThePeriod_CountsAnOverrun()
    {
        _shard.Add(new RecordingTarget(tick =>
        {
            if (tick == 2)
            {
                _time.Advance(s_period * 1.5);
            }

            return true;
        }));

        _shard.RunDueTicks();
        _time.Advance(s_period);
        _shard.RunDueTicks();

        Assert.Equal(1, _shard.Overruns);
        Assert.Equal(1, _metrics.Total("gameserver.tick.overruns"));
        Assert.Equal(2, _metrics.Count("gameserver.tick.duration"));
        Assert.Equal((s_period * 1.5).TotalSeconds, _metrics.Total("gameserver.tick.duration"), 6);
    }

    [Fact]
    public void RunTick_TicksTakingMostOfThePeriod_ReadAsBusyWithoutOverruns()
    {
        _shard.Add(new RecordingTarget(_ =>
        {
            _time.Advance(s_period * 0.95);
            return true;
        }));

        for (var i = 0; i < _shard.RecentTicks; i++)
        {
            _shard.RunTick();
        }

        Assert.Equal(95, _shard.RecentBusyPercent);
        Assert.Equal(0, _shard.RecentOverruns);
    }

    [Fact]
    public void RunTick_BusyTicksLeavingTheWindow_NoLongerCount()
    {
        var slow = true;
        _shard.Add(new RecordingTarget(_ =>
        {
            _time.Advance(slow ? s_period * 2 : s_period / 10);
            return true;
        }));

        for (var i = 0; i < _shard.RecentTicks; i++)
        {
            _shard.RunTick();
        }

        var overloaded = (_shard.RecentBusyPercent, _shard.RecentOverruns);
        slow = false;
        for (var i = 0; i < _shard.RecentTicks; i++)
        {
            _shard.RunTick();
        }

        Assert.Equal((200, _shard.RecentTicks), overloaded);
        Assert.Equal((10, 0), (_shard.RecentBusyPercent, _shard.RecentOverruns));
    }

    [Fact]
    public void RunDueTicks_SustainedOverload_WarnsAtMostOncePerSecondWithTheCountHeldBack()
    {
        // Every tick takes two periods: a second of that is 10 slow ticks.
        _shard.Add(new RecordingTarget(_ =>
        {
            _time.Advance(s_period * 2);
            return true;
        }));

        for (var i = 0; i < 11; i++)
        {
            _shard.RunTick();
        }

        var warnings = _logger.Entries.Where(entry => entry.EventName == "SlowTick").ToArray();
        Assert.Equal(11, _shard.Overruns);
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, warning => Assert.Equal(LogLevel.Warning, warning.Level));
        Assert.Contains("took 100.0 ms, longer than its 50.0 ms period; 0 other", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("; 9 other slow ticks", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunDueTicks_TargetThrows_LogsTheErrorWithTheTargetType()
    {
        _shard.Add(new ThrowingTarget());

        _shard.RunDueTicks();

        var entry = Assert.Single(_logger.Entries, entry => entry.EventName == "TickTargetFailed");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(nameof(ThrowingTarget), entry.Message, StringComparison.Ordinal);
        Assert.Single(_logger.Entries, entry => entry.EventName == "TickFailureHandlerFailed");
    }

    [Fact]
    public void RunDueTicks_SlowTickDelaysTheNext_LateTicksRunBackToBack()
    {
        var target = new RecordingTarget(tick =>
        {
            if (tick == 1)
            {
                _time.Advance(s_period * 2.5);
            }

            return true;
        });
        _shard.Add(target);
        _shard.RunDueTicks();

        // Ticks 1 and 2 are due now, tick 3 not yet.
        _shard.RunDueTicks();

        Assert.Equal(3, target.Ticks);
        Assert.Equal(0, _shard.SkippedTicks);
    }

    [Fact]
    public void RunDueTicks_FarBehindSchedule_RunsTheCatchUpMaxAndCountsTheRestAsSkipped()
    {
        var target = new RecordingTarget();
        _shard.Add(target);
        _shard.RunDueTicks();

        // A stall of ten periods: ticks 1 to 10 are due, 3 run and 7 are skipped.
        _time.Advance(s_period * 10.5);
        _shard.RunDueTicks();
        _shard.RunDueTicks();

        Assert.Equal(4, target.Ticks);
        Assert.Equal(7, _shard.SkippedTicks);
        Assert.Equal(7, _metrics.Total("gameserver.tick.skipped"));

        // Re-anchored: the next tick is due a period after the stall was noticed.
        _time.Advance(s_period);
        _shard.RunDueTicks();
        Assert.Equal(5, target.Ticks);
    }

    [Fact]
    public void RunTick_SteadyState_AllocatesNothing()
    {
        for (var i = 0; i < 16; i++)
        {
            _shard.Add(new RecordingTarget());
        }

        for (var i = 0; i < 200; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _shard.RunDueTicks();
            _time.Advance(s_period);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private sealed class ThrowingTarget : ITickTarget
    {
        public int Ticks { get; private set; }

        public bool RunTick()
        {
            Ticks++;
            throw new InvalidOperationException("tick");
        }

        public void OnTickFailed(Exception exception) => throw new InvalidOperationException("handler");
    }
}
