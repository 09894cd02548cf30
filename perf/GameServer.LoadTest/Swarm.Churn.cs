namespace GameServer.LoadTest;

public sealed partial class Swarm
{
    private const long SecondMicros = 1_000_000;

    /// <summary>
    /// Once a second, on a scheduler thread, drops the second's share of the churn among that thread's joined bots
    /// (only those: no send of theirs can be running meanwhile). It stops a few seconds before the end, so that every
    /// dropped bot has had its chance to resume when the run ends.
    /// </summary>
    private void Churn(long now, ChurnShare share)
    {
        if (_options.Churn <= 0 || now < share.NextAt)
        {
            return;
        }

        share.NextAt += SecondMicros;
        long quietFrom = (long)(_options.Duration - _options.ReconnectDelay - TimeSpan.FromSeconds(3)).TotalMicroseconds;
        int started = share.Owned(Volatile.Read(ref _started));
        if (now >= quietFrom || started == 0)
        {
            return;
        }

        // What a second could not drop (too few joined bots) carries over, but never piles up into a burst.
        double perSecond = _options.Churn * share.Owned(_bots.Length) / 60;
        share.Due = Math.Min(share.Due + perSecond, perSecond + 1);
        for (int attempts = 0; share.Due >= 1 && attempts < 64; attempts++)
        {
            if (_bots[share.First + (share.Stride * share.Random.Next(started))].Drop())
            {
                share.Due--;
            }
        }
    }

    /// <summary>A scheduler thread's bots (every <see cref="Stride"/>th from <see cref="First"/>) and its churn's state.</summary>
    private sealed class ChurnShare(int first, int stride)
    {
        public int First { get; } = first;

        public int Stride { get; } = stride;

        public Random Random { get; } = new(8191 + first);

        public double Due { get; set; }

        public long NextAt { get; set; } = SecondMicros;

        /// <summary>How many of the first <paramref name="count"/> bots are this thread's.</summary>
        public int Owned(int count) => count > First ? ((count - First - 1) / Stride) + 1 : 0;
    }
}
