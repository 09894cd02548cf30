using System.Text.RegularExpressions;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Redis;
using GameServer.Spectators;
using GameServer.Tests.Spectators;
using StackExchange.Redis;

namespace GameServer.Tests.Redis;

/// <summary>A node reads the cluster's stream once for all its spectators: those who keep up never ask Redis themselves.</summary>
[Collection(RedisCollection.Name)]
public sealed partial class FeedStreamCacheTests(RedisServer redis)
{
    [Fact]
    public void TryRead_FromAfterWhereItStarted_GivesTheEntriesFromThatIdOn()
    {
        var cache = new FeedStreamCache(8);
        cache.StartAfter(10);
        cache.Append([Entry(12), Entry(15), Entry(20)]);
        var into = new FeedEntry[8];

        Assert.True(cache.TryRead(13, into, out int count));
        Assert.Equal([15L, 20L], into[..count].Select(e => e.Id));
        Assert.True(cache.TryRead(21, into, out count));
        Assert.Equal(0, count);
        Assert.False(cache.TryRead(10, into, out _));
    }

    [Fact]
    public void TryRead_FromBeforeTheOldestItLetGo_SendsTheReaderToTheStream()
    {
        var cache = new FeedStreamCache(2);
        cache.StartAfter(10);
        cache.Append([Entry(12), Entry(15), Entry(20)]);
        var into = new FeedEntry[1];

        Assert.False(cache.TryRead(12, into, out _));
        Assert.True(cache.TryRead(13, into, out int count));
        Assert.Equal(15L, into[..count].Single().Id);
    }

    [Fact]
    public async Task Events_SpectatorsWhoKeepUp_ReadTheNodesCacheWithNoXrangeOfTheirOwn()
    {
        await using TestServer server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:FeedStreamKey"] = $"test:{Guid.NewGuid():N}",
        });
        var spectators = new List<SseClient>();
        for (int i = 0; i < 20; i++)
        {
            spectators.Add(await SseClient.OpenAsync(server, "/events"));
        }

        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        long before = await XrangeCallsAsync(connection);
        for (uint tick = 1; tick <= 10; tick++)
        {
            server.GetService<IMatchEventLog>().Publish(900,
                [new MatchFeedEvent(new GameEvent(tick, GameEventKind.MatchStarted, 0, 0, 0), null, null)],
                SpectatorTestServers.Standings(900, new PlayerStanding(3, "Ada", 0, 0, true)));
        }

        foreach (SseClient spectator in spectators)
        {
            for (int i = 0; i < 10; i++)
            {
                await spectator.NextEventAsync("match.started");
            }

            await spectator.DisposeAsync();
        }

        Assert.Equal(before, await XrangeCallsAsync(connection));
    }

    private static FeedEntry Entry(long id) => new(id, 1, "kill", [(byte)'{', (byte)'}']);

    private static async Task<long> XrangeCallsAsync(ConnectionMultiplexer connection)
    {
        string info = (string)(await connection.GetDatabase().ExecuteAsync("INFO", "commandstats"))!;
        Match calls = XrangeCalls().Match(info);
        return calls.Success ? long.Parse(calls.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"cmdstat_xrange:calls=(\d+)")]
    private static partial Regex XrangeCalls();
}
