namespace GameServer.Admin;

/// <summary>
/// Takes a sample of the node every second into the ring, whether or not anyone watches, so the console opens on the
/// last ten minutes. Registered only while the console is on.
/// </summary>
internal sealed partial class AdminSampler(NodeSampler sampler, SampleRing ring, TimeProvider time, ILogger<AdminSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first one before the host has started: /admin/api/node always has a sample to answer with.
        TakeSample();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                TakeSample();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void TakeSample()
    {
        try
        {
            ring.Append(sampler.Take());
        }
        catch (Exception exception)
        {
            // A sample that fails is a gap in the plots, not a reason to stop sampling.
            LogSampleFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 100, EventName = "AdminSampleFailed", Level = LogLevel.Error, Message = "The admin console's sample failed; the next one is in a second")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
