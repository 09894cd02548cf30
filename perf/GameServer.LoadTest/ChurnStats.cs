namespace GameServer.LoadTest;

/// <summary>What the churn did: drops, reconnects and resumes, and the shortest time between two connects of one bot.</summary>
internal sealed class ChurnStats
{
    private const long OneSecondMicros = 1_000_000;

    private long _drops;
    private long _reconnects;
    private long _resumes;
    private long _underOneSecond;
    private long _minIntervalMicros = long.MaxValue;

    public long Drops => Interlocked.Read(ref _drops);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long Resumes => Interlocked.Read(ref _resumes);

    /// <summary>Reconnects that came less than a second after the same bot's previous connect: a reconnect storm.</summary>
    public long UnderOneSecond => Interlocked.Read(ref _underOneSecond);

    /// <summary>The shortest time between two connects of one bot, in microseconds; -1 when no bot reconnected.</summary>
    public long MinIntervalMicros
    {
        get
        {
            long min = Interlocked.Read(ref _minIntervalMicros);
            return min == long.MaxValue ? -1 : min;
        }
    }

    public void RecordDrop() => Interlocked.Increment(ref _drops);

    public void RecordResume() => Interlocked.Increment(ref _resumes);

    public void RecordReconnect(long intervalMicros)
    {
        Interlocked.Increment(ref _reconnects);
        if (intervalMicros < OneSecondMicros)
        {
            Interlocked.Increment(ref _underOneSecond);
        }

        long min = Interlocked.Read(ref _minIntervalMicros);
        while (intervalMicros < min)
        {
            long seen = Interlocked.CompareExchange(ref _minIntervalMicros, intervalMicros, min);
            if (seen == min)
            {
                break;
            }

            min = seen;
        }
    }
}
