using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;
using GameServer.Matches;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;

namespace GameServer.Tests.Redis;

/// <summary>The bot swarm's <c>--matchmake</c> mode on two nodes sharing a Redis: every bot gets a seat and plays where it names.</summary>
[Collection(RedisCollection.Name)]
public sealed class SwarmPlacementTests(RedisServer redis)
{
    [Fact]
    public async Task RunAsync_MatchmakingOnA_FillsBsFullerMatchFirstThenPlaysOnA()
    {
        string prefix = $"test:{Guid.NewGuid():N}:";
        Dictionary<string, string?> settings = RedisClusterSettings.For(redis, prefix, nodeAddress: "");
        settings["Matchmaking:Capacity"] = "4";
        await using TestServer a = await TestServer.StartAsync(settings);
        await using TestServer b = await TestServer.StartAsync(settings);
        await using TestPlayer ada = await TestPlayer.JoinAsync(b, "Ada");
        IMatchDirectory directory = a.GetService<IMatchDirectory>();
        await Eventually.TrueAsync(async () => await directory.FindAsync(ada.Welcome.MatchId) is not null);
        var options = new SwarmOptions
        {
            Url = a.WebSocketUri,
            Matchmake = [a.HttpBase],
            Bots = 16,
            Duration = TimeSpan.FromSeconds(4),
            Ramp = TimeSpan.FromSeconds(1),
        };

        SwarmReport report = await new Swarm(options).RunAsync();

        // B's match had Ada: its three free seats are reserved through Redis, never more; the rest open matches on A.
        string json = ReportWriter.ToJson(report);
        Assert.True(report.Passed, json);
        Assert.Equal(3, report.SeatsByNode[b.WebSocketUri.ToString()]);
        Assert.Equal(13, report.SeatsByNode[a.WebSocketUri.ToString()]);
    }
}
