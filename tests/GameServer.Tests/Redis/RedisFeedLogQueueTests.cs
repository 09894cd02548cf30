using GameServer.Redis;
using GameServer.Spectators;
using GameServer.Tests.Ticking;

namespace GameServer.Tests.Redis;

/// <summary>The queue between the feed's pump and Redis: bounded, and never a wait for the pump.</summary>
public sealed class RedisFeedLogQueueTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task Append_QueueFull_DropsTheEventAndCountsIt()
    {
        // Never started: nothing drains the queue, as when Redis is too slow or gone.
        var options = new RedisOptions { Configuration = "127.0.0.1:1", FeedQueueCapacity = 8 };
        await using var log = new RedisFeedLog(options, new SpectatorFeedOptions(), TimeProvider.System, new SpectatorMetrics(_meters));

        for (int i = 0; i <= options.FeedQueueCapacity; i++)
        {
            log.Append(1, "score", [(byte)'{', (byte)'}']);
        }

        Assert.Equal(1, log.DroppedEvents);
    }

    public void Dispose() => _meters.Dispose();
}
