using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>Two server processes on one Redis: a spectator of either node follows the matches of both, and resumes on either.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterFeedTests(RedisServer redis)
{
    // A match a player: each join starts a match of its own, which the overview feed shows.
    private static readonly Dictionary<string, string?> OneEachAMatch = new() { ["Matchmaking:Capacity"] = "1" };

    [Fact]
    public async Task Events_MatchOnNodeB_SpectatorOnNodeASeesItsEventsInBsOrder()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis, OneEachAMatch);
        await using SseClient onA = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        await using SseClient onB = await SseClient.OpenAsync(cluster.B.HttpBase, "/events");

        await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob");
        // Their two matches may start on the same tick, in either order: read through both starts.
        List<SseMessage> seenOnA = await FeedEvents.ReadThroughAsync(onA, FeedEvents.AllStarted(ada.Welcome.MatchId, bob.Welcome.MatchId));
        List<SseMessage> seenOnB = await FeedEvents.ReadThroughAsync(onB, FeedEvents.AllStarted(ada.Welcome.MatchId, bob.Welcome.MatchId));

        Assert.Equal(FeedEvents.Blocks(seenOnB), FeedEvents.Blocks(seenOnA));
        FeedEvents.AssertIdsIncrease(seenOnA);
    }

    [Fact]
    public async Task Events_LastEventIdTakenOnNodeA_ResumesOnNodeBWithNoGapAndNoDuplicate()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis, OneEachAMatch);
        await using SseClient reference = await SseClient.OpenAsync(cluster.A.HttpBase, "/events");
        SseMessage last;
        await using (SseClient leaving = await SseClient.OpenAsync(cluster.A.HttpBase, "/events"))
        {
            await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Ada");
            last = (await FeedEvents.ReadThroughAsync(leaving, FeedEvents.StartOf(ada.Welcome.MatchId)))[^1];
        }

        // Events of both nodes while the spectator is away: Bob's match on B, and A's match playing on.
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob");
        await using TestPlayer cy = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Cy");
        List<SseMessage> all = await FeedEvents.ReadThroughAsync(reference, FeedEvents.AllStarted(bob.Welcome.MatchId, cy.Welcome.MatchId));
        await using SseClient resumed = await SseClient.OpenAsync(cluster.B.HttpBase, "/events", last.Id);
        List<SseMessage> resumedEvents = await FeedEvents.ReadThroughAsync(resumed, FeedEvents.AllStarted(bob.Welcome.MatchId, cy.Welcome.MatchId));

        List<SseMessage> missed = all[(all.FindIndex(e => e.Id == last.Id) + 1)..];
        Assert.Contains(missed, FeedEvents.StartOf(bob.Welcome.MatchId));
        Assert.Equal(FeedEvents.Blocks(missed), FeedEvents.Blocks(resumedEvents));
    }
}
