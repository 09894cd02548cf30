namespace GameServer.Tests.Soak;

/// <summary>Samples the managed heap after a full, compacting collection, at a fixed period, until stopped.</summary>
internal sealed class HeapSampler
{
    private readonly List<(double Seconds, long Bytes)> _samples = [];
    private readonly DateTime _start = DateTime.UtcNow;

    public IReadOnlyList<(double Seconds, long Bytes)> Samples => _samples;

    /// <summary>The managed heap after a full collection: what is still reachable.</summary>
    public static long Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    public async Task RunAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _samples.Add(((DateTime.UtcNow - _start).TotalSeconds, Measure()));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The least-squares growth, in bytes per minute, of the samples taken from the given second on.</summary>
    public double SlopePerMinute(double fromSecond)
    {
        var points = _samples.Where(s => s.Seconds >= fromSecond).ToList();
        double meanT = points.Average(p => p.Seconds);
        double meanV = points.Average(p => (double)p.Bytes);
        double variance = points.Sum(p => (p.Seconds - meanT) * (p.Seconds - meanT));
        return variance == 0 ? 0 : 60 * points.Sum(p => (p.Seconds - meanT) * (p.Bytes - meanV)) / variance;
    }
}
