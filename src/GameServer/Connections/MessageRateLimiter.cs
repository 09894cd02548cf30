namespace GameServer.Connections;

/// <summary>
/// A token bucket over a connection's messages, owned by its receive loop (no lock). Messages beyond the bucket are
/// dropped; when more than the flood limit are dropped in each of two seconds in a row the flood is sustained and the
/// connection is closed.
/// </summary>
/// <remarks>
/// One second over the limit is not enough: a server that reads late (a stalled process, an overloaded core) gets an
/// honest client's backlog in one read, which looks like a burst. Such a backlog is dropped beyond the bucket but
/// never closes the connection; a flood has to go on.
/// </remarks>
public sealed class MessageRateLimiter
{
    private readonly double _tokensPerTick;
    private readonly double _burst;
    private readonly int _floodLimit;
    private readonly long _ticksPerSecond;
    private double _tokens;
    private long _lastRefill;
    private long _windowStart;
    private int _droppedInWindow;
    private bool _previousWindowFlooded;

    public MessageRateLimiter(int perSecond, int burst, int floodLimit, long ticksPerSecond, long now)
    {
        _tokensPerTick = perSecond / (double)ticksPerSecond;
        _burst = burst;
        _floodLimit = floodLimit;
        _ticksPerSecond = ticksPerSecond;
        _tokens = burst;
        _lastRefill = now;
        _windowStart = now;
    }

    /// <param name="now">A timestamp in the units given at construction.</param>
    public RateDecision Take(long now)
    {
        _tokens = Math.Min(_burst, _tokens + ((now - _lastRefill) * _tokensPerTick));
        _lastRefill = now;
        if (_tokens >= 1)
        {
            _tokens--;
            return RateDecision.Allowed;
        }

        if (now - _windowStart >= _ticksPerSecond)
        {
            // The window just ended counts only if this one follows it at once.
            _previousWindowFlooded = _droppedInWindow > _floodLimit && now - _windowStart < 2 * _ticksPerSecond;
            _windowStart = now;
            _droppedInWindow = 0;
        }

        return ++_droppedInWindow > _floodLimit && _previousWindowFlooded ? RateDecision.Flood : RateDecision.Dropped;
    }
}
