using GameServer.Ticking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Ticking;

public sealed class TickLoopTests : IDisposable
{
    // Generous: it only stops a broken test from hanging the run; no assertion is about time.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private readonly TestMeterFactory _meterFactory = new();

    public void Dispose() => _meterFactory.Dispose();

    private TickLoop CreateLoop(int shardCount, int tickRate = 60) =>
        new(Options.Create(new TickOptions { ShardCount = shardCount, TickRate = tickRate }), TimeProvider.System, _meterFactory, NullLoggerFactory.Instance);

    [Fact]
    public void Constructor_ShardCountZero_UsesOneShardPerProcessor()
    {
        using var loop = CreateLoop(shardCount: 0);

        Assert.Equal(Environment.ProcessorCount, loop.ShardCount);
    }

    [Fact]
    public void Constructor_TickRate_SetsThePeriod()
    {
        using var loop = CreateLoop(shardCount: 1, tickRate: 20);

        Assert.Equal(20, loop.TickRate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), loop.Period);
    }

    [Fact]
    public void Add_MoreTargetsThanShards_SpreadsThemEvenly()
    {
        using var loop = CreateLoop(shardCount: 4);

        for (var i = 0; i < 10; i++)
        {
            loop.Add(new RecordingTarget());
        }

        Assert.Equal(10, loop.TargetCount);
        Assert.Equal([3, 3, 2, 2], Enumerable.Range(0, 4).Select(loop.GetTargetCount));
    }

    [Fact]
    public async Task Add_AfterATargetFinished_FillsTheShardWithFewest()
    {
        using var loop = CreateLoop(shardCount: 2);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Add(new RecordingTarget(_ =>
        {
            finished.TrySetResult();
            return false;
        }));
        loop.Add(new RecordingTarget());
        await loop.StartAsync(CancellationToken.None);

        await finished.Task.WaitAsync(s_hangGuard);
        await loop.StopAsync(CancellationToken.None).WaitAsync(s_hangGuard);
        loop.Add(new RecordingTarget());

        Assert.Equal(1, loop.GetTargetCount(0));
        Assert.Equal(1, loop.GetTargetCount(1));
    }

    [Fact]
    public async Task StartAsync_SeveralShards_EachRunsOnItsOwnNamedThread()
    {
        const int Shards = 3;
        using var loop = CreateLoop(Shards);
        var threadNames = new TaskCompletionSource<string?>[Shards];
        for (var i = 0; i < Shards; i++)
        {
            var firstTick = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            threadNames[i] = firstTick;
            loop.Add(new RecordingTarget(_ =>
            {
                firstTick.TrySetResult(Thread.CurrentThread.Name);
                return true;
            }));
        }

        await loop.StartAsync(CancellationToken.None);
        var names = await Task.WhenAll(threadNames.Select(tcs => tcs.Task)).WaitAsync(s_hangGuard);
        await loop.StopAsync(CancellationToken.None).WaitAsync(s_hangGuard);

        Assert.Equal(["tick-shard-0", "tick-shard-1", "tick-shard-2"], names.Order());
    }

    [Fact]
    public async Task StopAsync_WhileATickRuns_WaitsForThatTickAndEndsEveryShardThread()
    {
        using var loop = CreateLoop(shardCount: 2);
        using var release = new ManualResetEventSlim();
        var inTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = new RecordingTarget(tick =>
        {
            if (tick == 3)
            {
                inTick.TrySetResult();
                release.Wait();
            }

            return true;
        });
        loop.Add(target);
        await loop.StartAsync(CancellationToken.None);
        await inTick.Task.WaitAsync(s_hangGuard);

        var stopping = loop.StopAsync(CancellationToken.None);
        var stoppedBeforeTheTickEnded = stopping.IsCompleted;
        release.Set();
        await stopping.WaitAsync(s_hangGuard);

        Assert.False(stoppedBeforeTheTickEnded);
        Assert.True(loop.GetShard(0).Stopped.IsCompletedSuccessfully);
        Assert.True(loop.GetShard(1).Stopped.IsCompletedSuccessfully);

        // The shard counts a tick once all its targets ran: equal counts mean the tick that was running when the stop
        // came was finished, not abandoned, and that no tick was left half done.
        var shard = loop.GetShard(0).TargetCount == 1 ? loop.GetShard(0) : loop.GetShard(1);
        Assert.Equal(target.Ticks, shard.TicksRun);
    }

    [Fact]
    public async Task Shard_WhoseLastTargetEnds_SleepsUntilTheNextIsAdded()
    {
        using var loop = CreateLoop(shardCount: 1);
        var ending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Add(new RecordingTarget(tick => tick < 3 || !ending.TrySetResult()));
        await loop.StartAsync(CancellationToken.None);
        await ending.Task.WaitAsync(s_hangGuard);
        TickShard shard = loop.GetShard(0);

        Assert.True(SpinWait.SpinUntil(() => shard.IsIdle, s_hangGuard));
        long idleAt = shard.TicksRun;
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Add(new RecordingTarget(tick => !(tick == 2 && woken.TrySetResult())));
        await woken.Task.WaitAsync(s_hangGuard);
        await loop.StopAsync(CancellationToken.None).WaitAsync(s_hangGuard);

        Assert.Equal(3, idleAt);
        Assert.False(shard.IsIdle);
    }

    [Fact]
    public async Task StopAsync_NeverStarted_Completes()
    {
        using var loop = CreateLoop(shardCount: 2);
        loop.Add(new RecordingTarget());

        await loop.StopAsync(CancellationToken.None).WaitAsync(s_hangGuard);

        Assert.Equal(0, loop.GetShard(0).TicksRun);
    }

    [Fact]
    public async Task StopAsync_TargetStuckInItsTickAndShutdownCancelled_ReturnsWithoutWaiting()
    {
        using var release = new ManualResetEventSlim();
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = CreateLoop(shardCount: 1);
        loop.Add(new RecordingTarget(_ =>
        {
            stuck.TrySetResult();
            release.Wait();
            return true;
        }));
        await loop.StartAsync(CancellationToken.None);
        await stuck.Task.WaitAsync(s_hangGuard);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await loop.StopAsync(cancelled.Token).WaitAsync(s_hangGuard);

        Assert.False(loop.GetShard(0).Stopped.IsCompleted);

        release.Set();
        await loop.GetShard(0).Stopped.WaitAsync(s_hangGuard);
        loop.Dispose();
    }
}
