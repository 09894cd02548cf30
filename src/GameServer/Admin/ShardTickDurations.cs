using GameServer.Ticking;

namespace GameServer.Admin;

/// <summary>
/// Each tick shard's latest tick durations, a second's worth, in a ring its tick thread writes (one slot per tick, no
/// lock, no allocation) and the sampler reads for the median and the 99th percentile.
/// </summary>
internal sealed class ShardTickDurations
{
    private readonly double[][] _rings;
    private readonly int[] _next;
    private readonly double[] _sorted;

    public ShardTickDurations(int shards, int ticksPerSecond)
    {
        _rings = new double[shards][];
        for (int i = 0; i < shards; i++)
        {
            _rings[i] = new double[ticksPerSecond];
        }

        _next = new int[shards];
        _sorted = new double[ticksPerSecond];
    }

    /// <summary>One tick's duration, from the instrument's callback on the shard's thread.</summary>
    public void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags, double seconds)
    {
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == TickMetrics.ShardTagName && tag.Value is int shard && (uint)shard < (uint)_rings.Length)
            {
                double[] ring = _rings[shard];
                int next = _next[shard];
                ring[next] = seconds;
                Volatile.Write(ref _next[shard], next + 1 == ring.Length ? 0 : next + 1);
                return;
            }
        }
    }

    /// <summary>
    /// The median and 99th percentile, in milliseconds, of the shard's last <paramref name="ticks"/> ticks (at most a
    /// second's); zeros when it ran none. The sampler's thread only.
    /// </summary>
    public (double P50Ms, double P99Ms) Percentiles(int shard, long ticks)
    {
        double[] ring = _rings[shard];
        int count = (int)Math.Min(ticks, ring.Length);
        if (count <= 0)
        {
            return (0, 0);
        }

        int end = Volatile.Read(ref _next[shard]);
        for (int i = 0; i < count; i++)
        {
            _sorted[i] = ring[(end - 1 - i + ring.Length) % ring.Length];
        }

        Span<double> sorted = _sorted.AsSpan(0, count);
        sorted.Sort();
        return (Rank(sorted, 0.50) * 1000, Rank(sorted, 0.99) * 1000);
    }

    // Nearest rank: the smallest duration at least that share of the ticks did not exceed.
    private static double Rank(ReadOnlySpan<double> sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
