namespace GameServer.Ticking;

/// <summary>The shard's dedicated thread: a thin loop around <see cref="RunDueTicks"/> and a wait that stop can cut short.</summary>
internal sealed partial class TickShard : IDisposable
{
    private readonly Thread _thread;
    // Set by Stop; the thread waits on it between ticks so that a stop needs no polling. No spinning: on
    // Linux a blocking wait wakes within about a millisecond, which is small against a 4 to 1000 ms period.
    private readonly ManualResetEventSlim _stopSignal = new(initialState: false, spinCount: 0);

    // Set by Add and by Stop: a shard without targets sleeps on it instead of waking at the tick rate for nothing.
    private readonly ManualResetEventSlim _work = new(initialState: false, spinCount: 0);
    private bool _idle;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _started;

    /// <summary>Completes when the shard's thread has ended.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Starts the shard's thread, with the first tick due right away.</summary>
    public void Start()
    {
        // Re-anchored here rather than at construction so that the time between the two is not owed as late ticks.
        var now = _timeProvider.GetTimestamp();
        _schedule.Restart(now);
        Volatile.Write(ref _lastTickAt, now);
        _started = true;
        _thread.Start();
    }

    /// <summary>Asks the thread to end after the tick it is running, if any; <see cref="Stopped"/> says when it has.</summary>
    public void RequestStop()
    {
        _stopSignal.Set();
        _work.Set();
    }

    /// <summary>Waits for the thread to end, or for <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        RequestStop();
        if (!_started)
        {
            _stopped.TrySetResult();
            return;
        }

        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _thread.Join();
    }

    public void Dispose()
    {
        // The wait handle stays usable by a thread that shutdown gave up on; it is only released once the thread is gone.
        if (!_thread.IsAlive)
        {
            _stopSignal.Dispose();
            _work.Dispose();
        }
    }

    private void RunThread()
    {
        try
        {
            while (!_stopSignal.IsSet)
            {
                try
                {
                    RunDueTicks();
                }
                catch (Exception exception)
                {
                    // The last line of defence: whatever escaped the guards in RunDueTicks and RunTick costs the rest of this batch, not
                    // the thread and every match on it.
                    OnFault(exception);
                }

                if (Volatile.Read(ref _targetCount) == 0)
                {
                    SleepUntilWork();
                    continue;
                }

                var waitMilliseconds = ToWaitMilliseconds(_schedule.GetDelay(_timeProvider.GetTimestamp()));
                if (waitMilliseconds > 0)
                {
                    _stopSignal.Wait(waitMilliseconds);
                }
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// An idle server costs nothing at the tick rate: with no target, the thread waits for one (or for stop), then
    /// starts a fresh schedule, so the idle time is neither owed as late ticks nor read as a stall.
    /// </summary>
    private void SleepUntilWork()
    {
        _work.Reset();
        if (Volatile.Read(ref _targetCount) > 0 || _stopSignal.IsSet)
        {
            return;
        }

        Volatile.Write(ref _idle, true);
        _work.Wait();
        var now = _timeProvider.GetTimestamp();
        _schedule.Restart(now);
        Volatile.Write(ref _lastTickAt, now);
        Volatile.Write(ref _idle, false);
    }

    // Rounded up: waking a little late costs at most a millisecond of latency, waking early costs a wasted wake-up.
    private static int ToWaitMilliseconds(TimeSpan delay) =>
        (int)Math.Min(int.MaxValue, (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
}
