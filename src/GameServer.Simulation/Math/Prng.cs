namespace GameServer.Simulation;

/// <summary>
/// xoshiro256** seeded through splitmix64: the match's only source of chance. A struct with no allocation,
/// and the same sequence on every platform, unlike <see cref="Random"/> whose algorithm may change.
/// </summary>
internal struct Prng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Prng(ulong seed)
    {
        // splitmix64 spreads any seed, 0 included, over the four words, which must not all be zero.
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A number in [0, <paramref name="bound"/>), by Lemire's multiply-high (bias below 2^-32 for our bounds).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            return 0;
        }

        return (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
