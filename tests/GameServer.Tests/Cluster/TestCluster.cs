using GameServer.Tests.Redis;

namespace GameServer.Tests.Cluster;

/// <summary>Two server processes, nodes A and B, sharing one redis-server under keys of their own; both killed at dispose.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(ServerProcess a, ServerProcess b, string keyPrefix)
    {
        A = a;
        B = b;
        KeyPrefix = keyPrefix;
    }

    public ServerProcess A { get; }

    public ServerProcess B { get; }

    /// <summary>The prefix of the cluster's Redis keys; its feed is the stream <c>{prefix}feed</c>.</summary>
    public string KeyPrefix { get; }

    /// <param name="settings">Layered over the cluster's own: quick renewals, short leases, one player starts a match.</param>
    public static async Task<TestCluster> StartAsync(RedisServer redis, IReadOnlyDictionary<string, string?>? settings = null)
    {
        string keyPrefix = $"test:{Guid.NewGuid():N}:";
        Dictionary<string, string?> node = RedisClusterSettings.For(redis, keyPrefix);
        node["Matchmaking:MinPlayersToStart"] = "1";
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            node[key] = value;
        }

        // Started side by side; one that started is killed if the other did not.
        Task<ServerProcess> a = ServerProcess.StartAsync(node);
        Task<ServerProcess> b = ServerProcess.StartAsync(node);
        try
        {
            await Task.WhenAll(a, b);
        }
        catch
        {
            foreach (Task<ServerProcess> started in new[] { a, b }.Where(static t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return new TestCluster(a.Result, b.Result, keyPrefix);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
