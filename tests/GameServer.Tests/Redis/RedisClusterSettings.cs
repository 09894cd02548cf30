namespace GameServer.Tests.Redis;

/// <summary>The settings of one node of a test cluster: its own address, quick renewals and short leases, keys of the test's own.</summary>
internal static class RedisClusterSettings
{
    public static Dictionary<string, string?> For(RedisServer redis, string keyPrefix, string nodeAddress) => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Redis:FeedStreamKey"] = keyPrefix + "feed",
        ["Redis:DirectoryKeyPrefix"] = keyPrefix,
        ["Redis:NodeAddress"] = nodeAddress,
        ["Redis:RenewInterval"] = "00:00:00.100",
        ["Redis:LeaseTime"] = "00:00:01",
    };
}
