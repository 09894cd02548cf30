using GameServer.Ticking;

namespace GameServer.Tests.Ticking;

public sealed class LogRateLimiterTests
{
    private const long Frequency = 1_000_000_000;

    private readonly LogRateLimiter _limiter = new(TimeSpan.FromSeconds(1), Frequency);

    [Fact]
    public void TryAcquire_First_IsAllowedWithNothingSuppressed()
    {
        Assert.True(_limiter.TryAcquire(42, out var suppressed));
        Assert.Equal(0, suppressed);
    }

    [Fact]
    public void TryAcquire_AgainWithinTheInterval_IsHeldBack()
    {
        _limiter.TryAcquire(0, out _);

        Assert.False(_limiter.TryAcquire(Frequency - 1, out _));
    }

    [Fact]
    public void TryAcquire_AfterTheInterval_IsAllowedWithTheCountHeldBack()
    {
        _limiter.TryAcquire(0, out _);
        for (var i = 1; i <= 5; i++)
        {
            _limiter.TryAcquire(i * 1_000_000, out _);
        }

        Assert.True(_limiter.TryAcquire(Frequency, out var suppressed));
        Assert.Equal(5, suppressed);
        Assert.True(_limiter.TryAcquire(2 * Frequency, out suppressed));
        Assert.Equal(0, suppressed);
    }
}
