using GameServer.Matches;
using GameServer.Tests.Seams;

namespace GameServer.Tests.Redis;

/// <summary>The directory's contract, held on Redis: the node's own matches, under the address it advertises.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMatchDirectoryTests(RedisServer redis) : MatchDirectoryContractTests
{
    protected override NodeAddress ThisNode { get; } = new("http://node-a.test");

    protected override Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings)
    {
        foreach ((string key, string? value) in RedisClusterSettings.For(redis, $"test:{Guid.NewGuid():N}:", ThisNode.Value))
        {
            settings[key] = value;
        }

        return TestServer.StartAsync(settings);
    }
}
