using GameServer.Connections;

namespace GameServer.Tests.Connections;

/// <summary>The flood guard on a manual clock (milliseconds): a flood goes on; a backlog read late is not one.</summary>
public sealed class MessageRateLimiterTests
{
    private const int Rate = 60;
    private const int Burst = 60;
    private const int FloodLimit = 120;

    [Fact]
    public void Take_HonestBacklogReadInOneGo_IsDroppedBeyondTheBucketButNeverAFlood()
    {
        var limiter = new MessageRateLimiter(Rate, Burst, FloodLimit, ticksPerSecond: 1000, now: 0);

        // Twenty seconds of an honest client's 21 messages a second, read at once after the server stalled.
        List<RateDecision> decisions = Enumerable.Range(0, 420).Select(_ => limiter.Take(20_000)).ToList();

        Assert.Equal(Burst, decisions.Count(d => d == RateDecision.Allowed));
        Assert.DoesNotContain(RateDecision.Flood, decisions);
    }

    [Fact]
    public void Take_FloodThatGoesOn_IsAFloodInItsSecondSecond()
    {
        var limiter = new MessageRateLimiter(Rate, Burst, FloodLimit, ticksPerSecond: 1000, now: 0);

        // 1000 messages a second, one a millisecond.
        int floodAt = Enumerable.Range(0, 3000).First(ms => limiter.Take(ms) == RateDecision.Flood);

        Assert.InRange(floodAt, 1000, 1999);
    }

    [Fact]
    public void Take_TwoBacklogsSecondsApart_AreNeverAFlood()
    {
        var limiter = new MessageRateLimiter(Rate, Burst, FloodLimit, ticksPerSecond: 1000, now: 0);

        List<RateDecision> decisions = Enumerable.Range(0, 300).Select(_ => limiter.Take(10_000))
            .Concat(Enumerable.Range(0, 300).Select(_ => limiter.Take(12_500)))
            .ToList();

        Assert.DoesNotContain(RateDecision.Flood, decisions);
    }
}
