namespace GameServer.Ticking;

/// <summary>The shard's dedicated thread: a thin loop around <see cref="RunDueTicks"/> and a wait that stop can cut short.</summary>
internal sealed partial class TickShard : IDisposable
{
    private readonly Thread _thread;
    // Set by Stop; the thread waits on it between ticks so that a stop needs no polling. No spinning: on
    // Linux a blocking wait wakes within about a millisecond, which is small against a 4 to 1000 ms period.
    private readonly ManualResetEventSlim _stopSignal = new(initialState: false, spinCount: 0);
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
    public void RequestStop() => _stopSignal.Set();

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

    // Rounded up: waking a little late costs at most a millisecond of latency, waking early costs a wasted wake-up.
    private static int ToWaitMilliseconds(TimeSpan delay) =>
        (int)Math.Min(int.MaxValue, (delay.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
}
