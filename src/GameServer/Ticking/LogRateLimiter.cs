namespace GameServer.Ticking;

/// <summary>Lets a recurring warning through at most once per interval and counts the ones it held back.</summary>
/// <remarks>Not thread-safe: each shard owns its own limiters and uses them on its thread only.</remarks>
internal sealed class LogRateLimiter
{
    private readonly long _intervalTimestampUnits;
    private long _lastLogged;
    private bool _hasLogged;
    private long _suppressed;

    public LogRateLimiter(TimeSpan interval, long timestampFrequency)
    {
        _intervalTimestampUnits = (long)(interval.TotalSeconds * timestampFrequency);
    }

    /// <summary>Returns true when the warning may be logged now, with how many were held back since the last one.</summary>
    public bool TryAcquire(long now, out long suppressed)
    {
        if (_hasLogged && now - _lastLogged < _intervalTimestampUnits)
        {
            _suppressed++;
            suppressed = 0;
            return false;
        }

        suppressed = _suppressed;
        _suppressed = 0;
        _lastLogged = now;
        _hasLogged = true;
        return true;
    }
}
