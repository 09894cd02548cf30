namespace GameServer.Tests.Redis;

/// <summary>The tests that share one redis-server; each uses a stream key of its own.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}
