using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>Two server processes on one Redis: a spectator of either node follows the matches of both, and resumes on either.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterFeedTests(RedisServer redis)
{
    [Fact]
    public async Task Events_MatchOnNodeB_SpectatorOnNodeASeesItsEventsInBsOrder()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis);
        await using SseClient onA = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        await using SseClient onB = await SseClient.OpenAsync(cluster.B.HttpBase, "/events");

        await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob", ada.Welcome.MatchId);
        List<SseMessage> seenOnA = await FeedEvents.ReadThroughAsync(onA, FeedEvents.JoinOf("Bob"));
        List<SseMessage> seenOnB = await FeedEvents.ReadThroughAsync(onB, FeedEvents.JoinOf("Bob"));

        Assert.Contains(seenOnA, FeedEvents.JoinOf("Ada"));
        Assert.All(seenOnA, e => Assert.True(FeedEvents.IsOf(e, ada.Welcome.MatchId)));
        Assert.Equal(FeedEvents.Blocks(seenOnB), FeedEvents.Blocks(seenOnA));
        FeedEvents.AssertIdsIncrease(seenOnA);
    }

    [Fact]
    public async Task Events_LastEventIdTakenOnNodeA_ResumesOnNodeBWithNoGapAndNoDuplicate()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis);
        await using SseClient reference = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        SseMessage last;
        await using (SseClient leaving = await SseClient.OpenAsync(cluster.A.HttpBase, "/events"))
        {
            await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Ada");
            last = (await FeedEvents.ReadThroughAsync(leaving, FeedEvents.JoinOf("Ada")))[^1];
        }

        // Events of both nodes while the spectator is away: Bob's match on B, and A's match playing on.
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob");
        await using TestPlayer cy = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Cy", bob.Welcome.MatchId);
        List<SseMessage> all = await FeedEvents.ReadThroughAsync(reference, FeedEvents.JoinOf("Cy"));
        await using SseClient resumed = await SseClient.OpenAsync(cluster.B.HttpBase, "/events", last.Id);
        List<SseMessage> resumedEvents = await FeedEvents.ReadThroughAsync(resumed, FeedEvents.JoinOf("Cy"));

        List<SseMessage> missed = all[(all.FindIndex(e => e.Id == last.Id) + 1)..];
        Assert.Contains(missed, FeedEvents.JoinOf("Bob"));
        Assert.Equal(FeedEvents.Blocks(missed), FeedEvents.Blocks(resumedEvents));
    }
}
