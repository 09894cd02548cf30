namespace GameServer.Matches;

/// <summary>
/// What a match's ticks cost (applying commands, the step, the fan-out), as running totals its tick adds to and the
/// admin sampler turns into a mean per second. One writer, the tick; plain writes, no lock.
/// </summary>
public sealed class MatchTickCost
{
    private long _ticks;
    private long _elapsed;

    /// <summary>Ticks measured so far.</summary>
    public long Ticks => Volatile.Read(ref _ticks);

    /// <summary>Their total duration, in <see cref="TimeProvider"/> timestamp units.</summary>
    public long Elapsed => Volatile.Read(ref _elapsed);

    /// <summary>The mean cost of a tick between the sampler's last two samples, in microseconds; 0 before it has two.</summary>
    public double MeanMicroseconds { get; private set; }

    // The sampler's own: the totals at its last sample.
    private long _sampledTicks;
    private long _sampledElapsed;

    public void Add(long elapsed)
    {
        Volatile.Write(ref _elapsed, _elapsed + elapsed);
        Volatile.Write(ref _ticks, _ticks + 1);
    }

    /// <summary>Takes the mean since the last call (the admin sampler's thread only, once a second).</summary>
    public void Sample(long timestampFrequency)
    {
        long ticks = Ticks;
        long elapsed = Elapsed;
        long newTicks = ticks - _sampledTicks;
        MeanMicroseconds = newTicks > 0 ? (elapsed - _sampledElapsed) * 1e6 / timestampFrequency / newTicks : 0;
        _sampledTicks = ticks;
        _sampledElapsed = elapsed;
    }
}
