namespace GameServer.Simulation.Tests;

public sealed class FixedMathTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(15, 3)]
    [InlineData(16, 4)]
    [InlineData(17, 4)]
    [InlineData(long.MaxValue, 3037000499)]
    public void Sqrt_Values_Floor(long value, long expected)
    {
        Assert.Equal(expected, FixedMath.Sqrt(value));
    }

    [Fact]
    public void ClampLength_RandomVectors_NeverLongerThanMax()
    {
        var random = new Random(5);
        for (int i = 0; i < 10_000; i++)
        {
            int x = random.Next(-100_000, 100_000);
            int y = random.Next(-100_000, 100_000);
            int max = random.Next(1, 5_000);

            FixedMath.ClampLength(ref x, ref y, max);

            Assert.True(FixedMath.LengthSquared(x, y) <= (long)max * max);
        }
    }

    [Fact]
    public void Trig_QuarterTurns_AreExact()
    {
        Assert.Equal(Trig.One, Trig.Cos(0));
        Assert.Equal(0, Trig.Sin(0));
        Assert.Equal(Trig.One, Trig.Sin(16384));
        Assert.Equal(-Trig.One, Trig.Cos(32768));
        Assert.Equal(-Trig.One, Trig.Sin(49152));
        Assert.Equal(Trig.Sin(8192), Trig.Cos(8192));
    }

    [Fact]
    public void Prng_SameSeed_SameSequenceAndBounded()
    {
        var a = new Prng(42);
        var b = new Prng(42);
        for (int i = 0; i < 1000; i++)
        {
            int value = a.NextInt(10);
            Assert.Equal(value, b.NextInt(10));
            Assert.InRange(value, 0, 9);
        }

        Assert.NotEqual(new Prng(42).NextUInt64(), new Prng(43).NextUInt64());
    }
}
