using GameServer.Admission;
using GameServer.Matches;
using GameServer.Spectators;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StackExchange.Redis;
using IServer = Microsoft.AspNetCore.Hosting.Server.IServer;

namespace GameServer.Redis;

/// <summary>The directory as a hosted service: renewing while the server runs, deregistered at stop.</summary>
public sealed partial class RedisMatchDirectory : IHostedService, IAsyncDisposable, IAdvertisedNode
{
    private readonly NodeDrain _drain;
    private readonly RedisOptions _options;
    private readonly LocalMatches _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServer _server;
    private readonly RedisDirectoryKeys _keys;

    // Random at each start: a restarted node is a new node, and the matches of its last life are lost.
    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RedisDirectoryConnection _redis;
    private readonly IMatchEventLog _events;
    private NodeAddress _address;
    private Task _loop = Task.CompletedTask;
    private Task? _deregistered;
    private int _disposed;

    public RedisMatchDirectory(RedisDirectoryConnection redis, RedisOptions options, LocalMatches local, IMatchEventLog events, TimeProvider time, ILogger<RedisMatchDirectory> logger, IServer server, IHostApplicationLifetime lifetime,
        NodeDrain drain)
    {
        _drain = drain;
        _redis = redis;
        _options = options;
        _local = local;
        _events = events;
        _time = time;
        _logger = logger;
        _server = server;
        _keys = new RedisDirectoryKeys(options.DirectoryKeyPrefix);
        _address = new NodeAddress(options.NodeAddress);

        // The listening URLs are known only once the server has started; no match is opened before then.
        lifetime.ApplicationStarted.Register(OnServerStarted);
        local.Opened += OnMatchOpened;
        lifetime.ApplicationStopping.Register(() => _deregistered = DeregisterAsync());
    }

    /// <summary>Redis:NodeAddress, or the first listening URL once the server has started.</summary>
    public NodeAddress? Address => string.IsNullOrEmpty(_address.Value) ? null : _address;

    private IDatabase Database => _redis.Database;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RenewLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the deregistration that began when the server began to stop, while the host allows.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await (_deregistered ?? DeregisterAsync()).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>
    /// Stops renewing and takes this node and its matches out of the directory at once, rather than after the lease
    /// time: from the moment the server begins to stop, no other node places a player here.
    /// </summary>
    private async Task DeregisterAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        IBatch batch = Database.CreateBatch();
        var deletes = new List<Task> { batch.KeyDeleteAsync(_keys.Node(_nodeId)) };
        foreach (uint matchId in _leased)
        {
            Unlist(batch, deletes, matchId);
        }

        deletes.Add(batch.SortedSetRemoveAsync(_keys.Nodes, _nodeId));
        deletes.Add(batch.KeyDeleteAsync(_keys.NodeMatches(_nodeId)));

        batch.Execute();
        await Task.WhenAll(deletes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stops the loop; once, though the container disposes it once per service it was registered as.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _local.Opened -= OnMatchOpened;
        _stopping.Dispose();
        _opened.Dispose();
    }

    private void OnServerStarted()
    {
        if (string.IsNullOrEmpty(_address.Value))
        {
            string? listening = _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            _address = new NodeAddress(listening ?? throw new InvalidOperationException("The server listens on no URL: set Redis:NodeAddress to the address other nodes reach this one at."));
        }

        _started.TrySetResult();
    }
}
