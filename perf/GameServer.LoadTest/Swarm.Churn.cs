namespace GameServer.LoadTest;

public sealed partial class Swarm
{
    private const long SecondMicros = 1_000_000;

    private readonly Random _churnRandom = new(8191);
    private double _churnDue;
    private long _nextChurnAt = SecondMicros;

    /// <summary>
    /// Once a second, on the scheduler thread, drops the second's share of the churn among the joined bots. It stops
    /// a few seconds before the end, so that every dropped bot has had its chance to resume when the run ends.
    /// </summary>
    private void Churn(long now)
    {
        if (_options.Churn <= 0 || now < _nextChurnAt)
        {
            return;
        }

        _nextChurnAt += SecondMicros;
        long quietFrom = (long)(_options.Duration - _options.ReconnectDelay - TimeSpan.FromSeconds(3)).TotalMicroseconds;
        int started = Volatile.Read(ref _started);
        if (now >= quietFrom || started == 0)
        {
            return;
        }

        // What a second could not drop (too few joined bots) carries over, but never piles up into a burst.
        double perSecond = _options.Churn * _bots.Length / 60;
        _churnDue = Math.Min(_churnDue + perSecond, perSecond + 1);
        for (int attempts = 0; _churnDue >= 1 && attempts < 64; attempts++)
        {
            if (_bots[_churnRandom.Next(started)].Drop())
            {
                _churnDue--;
            }
        }
    }
}
