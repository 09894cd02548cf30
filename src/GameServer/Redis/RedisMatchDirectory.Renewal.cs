using GameServer.Matches;
using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisMatchDirectory
{
    // The matches this node leased on its last renewal; touched by the renewal loop only.
    private HashSet<uint> _leased = [];

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _started.Task.WaitAsync(cancellationToken);
            using var timer = new PeriodicTimer(_options.RenewInterval, _time);
            do
            {
                try
                {
                    await RenewAsync();
                    await PruneLostAsync();
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    // Leases outlive a few missed renewals; the next pass tries again.
                    LogRenewFailed(_logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Registers this node and leases each of its matches for another lease time, in one pipelined batch.</summary>
    private async Task RenewAsync()
    {
        IReadOnlyList<MatchHost> live = _local.Matches;
        var leased = new HashSet<uint>(live.Count);
        IBatch batch = Database.CreateBatch();
        var writes = new List<Task>((live.Count * 2) + 1)
        {
            batch.StringSetAsync(_keys.Node(_nodeId), _address.Value, _options.LeaseTime),
        };
        foreach (MatchHost match in live)
        {
            leased.Add(match.Id);
            writes.Add(batch.StringSetAsync(_keys.Lease(match.Id), Lease(match), _options.LeaseTime));
            writes.Add(batch.HashSetAsync(_keys.Owners, match.Id, _nodeId));
        }

        foreach (uint ended in _leased)
        {
            if (!leased.Contains(ended))
            {
                // The owner entry goes before the lease, in order on one connection: no other node ever sees this
                // match listed without its lease, which is how a lost node's match looks.
                writes.Add(batch.HashDeleteAsync(_keys.Owners, ended));
                writes.Add(batch.KeyDeleteAsync(_keys.Lease(ended)));
            }
        }

        batch.Execute();
        await Task.WhenAll(writes);
        _leased = leased;
    }

    /// <summary>Takes out of the directory the matches whose lease and node both expired: their node is lost.</summary>
    private async Task PruneLostAsync()
    {
        HashEntry[] owners = await Database.HashGetAllAsync(_keys.Owners);
        IBatch batch = Database.CreateBatch();
        var checks = new List<(uint MatchId, Task<bool> Lease, Task<bool> Node)>();
        foreach (HashEntry owner in owners)
        {
            if (owner.Value != _nodeId)
            {
                uint matchId = (uint)(long)owner.Name;
                checks.Add((matchId, batch.KeyExistsAsync(_keys.Lease(matchId)), batch.KeyExistsAsync(_keys.Node((string)owner.Value!))));
            }
        }

        batch.Execute();
        foreach ((uint matchId, Task<bool> lease, Task<bool> node) in checks)
        {
            // A lease lapsed while its node lives means a slow renewal, which the node's next pass mends.
            if (!await lease && !await node && await Database.HashDeleteAsync(_keys.Owners, matchId))
            {
                // Only the node whose delete took the entry reports it, so the match ends once.
                LogMatchNodeLost(_logger, matchId);
            }
        }
    }

    [LoggerMessage(EventId = 70, EventName = "DirectoryRenewFailed", Level = LogLevel.Warning,
        Message = "Could not renew this node's leases in Redis; its matches stay listed until their leases expire")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 71, EventName = "DirectoryMatchNodeLost", Level = LogLevel.Warning,
        Message = "Match {MatchId} left the directory: its node stopped renewing its lease")]
    private static partial void LogMatchNodeLost(ILogger logger, uint matchId);
}
