namespace GameServer.Connections;

/// <summary>
/// A token bucket over a connection's messages, owned by its receive loop (no lock). Messages beyond the bucket are
/// dropped; when more than the flood limit are dropped within one second the flood is sustained and the connection
/// is closed.
/// </summary>
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
            _windowStart = now;
            _droppedInWindow = 0;
        }

        return ++_droppedInWindow > _floodLimit ? RateDecision.Flood : RateDecision.Dropped;
    }
}
