namespace GameServer.Ticking;

/// <summary>A drift-free fixed-rate schedule: tick N is due at <c>anchor + N × period</c>, computed from timestamps.</summary>
/// <remarks>
/// <para>
/// Due times are computed from the anchor and the tick's index, never by adding up waits, so a tick that runs a
/// little late does not move the ticks after it: they stay due at <c>anchor + N × period</c>. The period is kept
/// as an exact fraction of the timestamp frequency, so rounding does not accumulate either.
/// </para>
/// <para>
/// Catch-up rule: when the loop looks at the clock and several ticks are due (it is late), it runs them back to
/// back, at most <see cref="TickOptions.MaxCatchUpTicks"/> of them. When more ticks than that are due, it runs
/// that many, counts the rest as skipped and does not run them, and re-anchors the schedule on the current time,
/// so the next tick is due one period from now. A short hiccup is thus absorbed without losing simulated time,
/// while a long stall (a GC pause, an overloaded machine) costs skipped ticks instead of a burst of ticks that
/// would delay the shard further.
/// </para>
/// </remarks>
internal sealed class TickSchedule
{
    private readonly int _tickRate;
    private readonly int _maxCatchUpTicks;
    private readonly long _frequency;
    // The period is frequency / tickRate timestamp units; kept as quotient and remainder so that
    // N × period is exact without overflowing for any realistic N.
    private readonly long _periodWhole;
    private readonly long _periodRemainder;
    private long _anchor;
    private long _nextIndex;

    public TickSchedule(int tickRate, int maxCatchUpTicks, long timestampFrequency, long startTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCatchUpTicks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(timestampFrequency, tickRate);
        _tickRate = tickRate;
        _maxCatchUpTicks = maxCatchUpTicks;
        _frequency = timestampFrequency;
        _periodWhole = timestampFrequency / tickRate;
        _periodRemainder = timestampFrequency % tickRate;
        Restart(startTimestamp);
    }

    /// <summary>The timestamp the next tick is due at.</summary>
    public long NextDueTimestamp => GetDueTimestamp(_nextIndex);

    /// <summary>The timestamp the schedule is anchored on: tick 0 was due then.</summary>
    public long AnchorTimestamp => _anchor;

    /// <summary>Anchors the schedule on <paramref name="timestamp"/>, with the first tick due right then.</summary>
    public void Restart(long timestamp)
    {
        _anchor = timestamp;
        _nextIndex = 0;
    }

    /// <summary>The timestamp tick <paramref name="index"/> (counted from the anchor) is due at.</summary>
    public long GetDueTimestamp(long index) => _anchor + (index * _periodWhole) + (index * _periodRemainder / _tickRate);

    /// <summary>Says how many ticks to run at <paramref name="now"/>, applying the catch-up rule, and moves past them.</summary>
    public TickBatch Advance(long now)
    {
        var due = 0;
        while (due < _maxCatchUpTicks && GetDueTimestamp(_nextIndex + due) <= now)
        {
            due++;
        }

        if (due < _maxCatchUpTicks || GetDueTimestamp(_nextIndex + due) > now)
        {
            _nextIndex += due;
            return new TickBatch(due, 0);
        }

        var skipped = GetLastDueIndex(now) - (_nextIndex + due) + 1;
        _anchor = now;
        _nextIndex = 1;
        return new TickBatch(due, skipped);
    }

    /// <summary>How long until the next tick is due, rounded up; zero when it is due already.</summary>
    public TimeSpan GetDelay(long now)
    {
        var remaining = NextDueTimestamp - now;
        if (remaining <= 0)
        {
            return TimeSpan.Zero;
        }

        // Rounded up so that a wait of this length never wakes before the tick is due.
        var ticks = ((Int128)remaining * TimeSpan.TicksPerSecond + _frequency - 1) / _frequency;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    // The largest index k with GetDueTimestamp(k) <= now: floor(k × f / r) <= e  <=>  k <= ((e + 1) × r - 1) / f.
    // Int128 because a schedule that has run for a long time makes e × r overflow a long; this path is rare.
    private long GetLastDueIndex(long now) => (long)((((Int128)(now - _anchor) + 1) * _tickRate - 1) / _frequency);
}
