namespace GameServer.Ticking;

/// <summary>
/// How long each of a shard's last ticks took, as a ring with running totals of the overruns and of the time spent;
/// written by the shard's thread only, read by admission and health from any thread.
/// </summary>
internal sealed class TickWindow
{
    private readonly long[] _elapsed;
    private readonly long _period;
    private int _next;
    private int _overruns;
    private long _busy;

    /// <param name="size">Ticks the window covers.</param>
    /// <param name="period">The tick period, in the same units as what <see cref="Record"/> is given.</param>
    public TickWindow(int size, long period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _elapsed = new long[size];
        _period = period;
    }

    /// <summary>How many ticks the window covers.</summary>
    public int Size => _elapsed.Length;

    /// <summary>Ticks in the window that took longer than the period.</summary>
    public int Overruns => Volatile.Read(ref _overruns);

    /// <summary>
    /// The time the window's ticks took as a share of the time they were given (<see cref="Size"/> periods), in
    /// percent: over 100 when they overran on the whole.
    /// </summary>
    public int BusyPercent => (int)(Volatile.Read(ref _busy) * 100 / (_period * _elapsed.Length));

    public void Record(long elapsed)
    {
        long dropped = _elapsed[_next];
        _elapsed[_next] = elapsed;
        _next = _next + 1 == _elapsed.Length ? 0 : _next + 1;
        Volatile.Write(ref _overruns, _overruns - (dropped > _period ? 1 : 0) + (elapsed > _period ? 1 : 0));
        Volatile.Write(ref _busy, _busy - dropped + elapsed);
    }
}
