namespace GameServer.Tests.Redis;

/// <summary>The settings of one node of a test cluster: its own address, quick renewals and short leases, keys of the test's own.</summary>
internal static class RedisClusterSettings
{
    public static readonly TimeSpan RenewInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(1);

    /// <param name="nodeAddress">Null: the node's own listening URL, known once it is bound.</param>
    public static Dictionary<string, string?> For(RedisServer redis, string keyPrefix, string? nodeAddress = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:FeedStreamKey"] = keyPrefix + "feed",
            ["Redis:DirectoryKeyPrefix"] = keyPrefix,
            ["Redis:RenewInterval"] = RenewInterval.ToString(),
            ["Redis:LeaseTime"] = LeaseTime.ToString(),
        };
        if (nodeAddress is not null)
        {
            settings["Redis:NodeAddress"] = nodeAddress;
        }

        return settings;
    }
}
