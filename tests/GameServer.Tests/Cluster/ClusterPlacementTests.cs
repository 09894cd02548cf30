using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;
using GameServer.Tests.Seams;

namespace GameServer.Tests.Cluster;

/// <summary>Two server processes on one Redis: a quick join asked of one node is placed in the other's fuller match, played and resumed there.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterPlacementTests(RedisServer redis)
{
    [Fact]
    public async Task Post_OnNodeAWithTheFullestMatchOnNodeB_SeatsThePlayerOnBToPlayAndResumeThere()
    {
        await using TestCluster cluster = await TestCluster.StartAsync(redis);
        await using TestPlayer ada = await TestPlayer.JoinAsync(cluster.A.WebSocketUri, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Bob");
        await using TestPlayer cy = await TestPlayer.JoinAsync(cluster.B.WebSocketUri, "Cy", bob.Welcome.MatchId);
        uint fullest = bob.Welcome.MatchId;
        using HttpClient onA = cluster.A.CreateHttpClient();
        // A places on what its directory shows: B's match with both its players, once B's renewal has written them.
        await Eventually.TrueAsync(async () => ListedPlayers(await onA.GetFromJsonAsync<JsonElement>("/matches"), fullest) == 2);

        Matchmaking.Placement placed = await Matchmaking.PostAsync(onA);
        Assert.Equal(fullest, placed.MatchId);
        Assert.Equal(cluster.B.WebSocketUri.ToString(), placed.Url);

        WelcomeMessage welcome;
        await using (TestPlayer dee = await TestPlayer.ConnectAsync(placed.SeatUri))
        {
            await dee.SendJoinAsync("Dee", placed.MatchId);
            await dee.ExpectWelcomeAndSnapshotAsync();
            welcome = dee.Welcome;
            Assert.Equal(fullest, welcome.MatchId);
            uint sequence = await dee.SendInputAsync(127, 0);
            await dee.WaitForWorldAsync(w => w.Get(welcome.PlayerId).LastInputSequence == sequence);
            dee.Socket.Abort();
        }

        await using TestPlayer resumed = await TestPlayer.ConnectAsync(cluster.B.WebSocketUri);
        await resumed.SendJoinAsync("Dee", resume: welcome.Resume);
        await resumed.ExpectWelcomeAndSnapshotAsync();
        Assert.Equal(welcome.PlayerId, resumed.Welcome.PlayerId);
        Assert.Equal(fullest, resumed.Welcome.MatchId);
        uint tick = resumed.World.Tick;
        await resumed.WaitForWorldAsync(w => w.Tick >= tick + 10);
    }

    private static int ListedPlayers(JsonElement matches, uint matchId)
    {
        foreach (JsonElement match in matches.EnumerateArray())
        {
            if (match.GetProperty("id").GetUInt32() == matchId)
            {
                return match.GetProperty("players").GetArrayLength();
            }
        }

        return 0;
    }
}
