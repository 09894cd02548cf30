using GameServer.Matches;
using GameServer.Redis;
using GameServer.Tests.Seams;

namespace GameServer.Tests.Redis;

/// <summary>The matchmaker's contract, held on Redis by a node alone in its cluster: its seats counted with the reservations there.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMatchmakerTests(RedisServer redis) : MatchmakerContractTests
{
    protected override async Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings)
    {
        foreach ((string key, string? value) in RedisClusterSettings.For(redis, $"test:{Guid.NewGuid():N}:", "http://node-a.test"))
        {
            settings[key] = value;
        }

        TestServer node = await TestServer.StartAsync(settings);
        Assert.IsType<RedisMatchmaker>(node.GetService<IMatchmaker>());
        return node;
    }
}
