using GameServer.Tests.Infrastructure;
using GameServer.Tests.Redis;

namespace GameServer.Tests.Cluster;

/// <summary>
/// A burst of new matches on a real server process (socket completions inline, as it runs) outruns the ids reserved
/// ahead: each further id comes from Redis while the joins wait, and none of them blocks the socket threads that
/// carry Redis's own replies.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterMatchIdsTests(RedisServer redis)
{
    [Fact]
    public async Task QuickJoin_BurstOfNewMatchesBeyondTheReservedIds_EveryPlayerJoinsAMatchOfItsOwn()
    {
        Dictionary<string, string?> settings = RedisClusterSettings.For(redis, $"test:{Guid.NewGuid():N}:");
        settings["Matchmaking:Capacity"] = "1";
        settings["Matchmaking:MinPlayersToStart"] = "1";
        await using ServerProcess server = await ServerProcess.StartAsync(settings);

        // Three blocks' worth: a match each, since a match holds one.
        TestPlayer[] players = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => TestPlayer.JoinAsync(server.WebSocketUri, $"P{i}")));
        try
        {
            Assert.Equal(48, players.Select(p => p.Welcome.MatchId).Distinct().Count());
        }
        finally
        {
            foreach (TestPlayer player in players)
            {
                await player.DisposeAsync();
            }
        }
    }
}
