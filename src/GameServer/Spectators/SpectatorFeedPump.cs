using System.Diagnostics;

namespace GameServer.Spectators;

/// <summary>
/// The log's single background loop, on a thread of its own: it wakes when a tick publishes, or when a held-back
/// score or a heartbeat is due, and runs <see cref="InMemoryMatchEventLog.Pump"/>, at most once per
/// <see cref="SpectatorFeedOptions.PassInterval"/>. No timer per spectator and none on the tick thread.
/// </summary>
public sealed partial class SpectatorFeedPump : BackgroundService
{
    private static readonly TimeSpan s_afterFailure = TimeSpan.FromSeconds(1);

    private readonly InMemoryMatchEventLog _log;
    private readonly ILogger<SpectatorFeedPump> _logger;

    public SpectatorFeedPump(InMemoryMatchEventLog log, IHostApplicationLifetime lifetime, ILogger<SpectatorFeedPump> logger)
    {
        _log = log;
        _logger = logger;

        // Streams end when stopping begins: Kestrel stops before this service and waits for open requests, so
        // waiting for this service's own stop would hold every SSE stream (and the shutdown) to its timeout.
        lifetime.ApplicationStopping.Register(log.Complete);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A thread of its own, blocked between passes: as an async loop on the thread pool, each tick's publish woke
        // a pool worker and re-armed a timer for the wait's timeout, some 8 % of the server's CPU at 160 players
        // (perf/RESULTS.md, "The feed pump on its own thread").
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(stoppingToken, stopped)) { Name = "feed-pump", IsBackground = true };
        thread.Start();
        return stopped.Task;
    }

    private void Run(CancellationToken stoppingToken, TaskCompletionSource stopped)
    {
        try
        {
            using CancellationTokenRegistration wakeToStop = stoppingToken.UnsafeRegister(static log => ((InMemoryMatchEventLog)log!).WakePump(), _log);
            TimeSpan passInterval = _log.Options.PassInterval;
            while (!stoppingToken.IsCancellationRequested)
            {
                long passStart = Stopwatch.GetTimestamp();
                TimeSpan wait;
                try
                {
                    wait = _log.Pump();
                }
                catch (Exception ex)
                {
                    // A pass that failed loses at most the events it held; the feed must outlive it.
                    LogPumpFailed(_logger, ex);
                    wait = s_afterFailure;
                }

                // Publishes during the interval wait for its end, so a tick's matches share one pass.
                TimeSpan rest = passInterval - Stopwatch.GetElapsedTime(passStart);
                if (rest > TimeSpan.Zero)
                {
                    if (stoppingToken.WaitHandle.WaitOne(rest))
                    {
                        break;
                    }

                    wait = wait > rest ? wait - rest : TimeSpan.Zero;
                }

                _log.WaitForWork(wait);
            }

            // The matches' ends, published as the node stopped, still go to the log (a cluster's stream flushes them).
            _log.Pump();
            _log.Complete();
            stopped.SetResult();
        }
        catch (Exception ex)
        {
            stopped.SetException(ex);
        }
    }

    [LoggerMessage(EventId = 50, EventName = "FeedPumpFailed", Level = LogLevel.Error, Message = "The spectator feed's pump failed a pass; it goes on")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);
}
