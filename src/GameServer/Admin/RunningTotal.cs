namespace GameServer.Admin;

/// <summary>
/// A counter's running total, added to from any thread (or, given <paramref name="read"/>, read from where it is
/// kept), and its rate per second between the sampler's reads.
/// </summary>
internal sealed class RunningTotal(Func<long>? read = null)
{
    private long _value;
    private long _sampled;

    public void Add(long value) => Interlocked.Add(ref _value, value);

    /// <summary>The increase since the last call, per second (the sampler's thread only).</summary>
    public long PerSecond(double seconds)
    {
        long value = read?.Invoke() ?? Volatile.Read(ref _value);
        long increase = value - _sampled;
        _sampled = value;
        return seconds > 0 ? (long)Math.Round(increase / seconds) : 0;
    }
}
