using GameServer.Matches;
using GameServer.Protocol;
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
            RedisValue lease = Lease(match);
            writes.Add(batch.StringSetAsync(_keys.Lease(match.Id), lease, _options.LeaseTime));
            writes.Add(batch.HashSetAsync(_keys.Owners, match.Id, _nodeId));
            writes.Add(batch.HashSetAsync(_keys.Standings, match.Id, lease));
        }

        foreach (uint ended in _leased)
        {
            if (!leased.Contains(ended))
            {
                Unlist(batch, writes, ended);
            }
        }

        batch.Execute();
        await Task.WhenAll(writes);
        _leased = leased;
    }

    /// <summary>Takes a match of this node out of the directory, as part of a batch.</summary>
    private void Unlist(IBatch batch, List<Task> writes, uint matchId)
    {
        // The owner entry goes before the lease, in order on one connection: no other node ever sees this match
        // listed without its lease, which is how a lost node's match looks.
        writes.Add(batch.HashDeleteAsync(_keys.Owners, matchId));
        writes.Add(batch.KeyDeleteAsync(_keys.Lease(matchId)));
        writes.Add(batch.HashDeleteAsync(_keys.Standings, matchId));
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
            if (!await lease && !await node)
            {
                await EndLostAsync(matchId);
            }
        }
    }

    /// <summary>Ends a lost node's match in the feed, with the last standings its node wrote, and forgets it.</summary>
    private async Task EndLostAsync(uint matchId)
    {
        RedisValue standings = await Database.HashGetAsync(_keys.Standings, matchId);

        // Only the node whose delete took the entry ends the match, so it ends once in the feed.
        if (!await Database.HashDeleteAsync(_keys.Owners, matchId))
        {
            return;
        }

        await Database.HashDeleteAsync(_keys.Standings, matchId);
        MatchSummary last = Parse(standings)?.Summary ?? new MatchSummary(matchId, MatchPhase.Running, 0, 0, 0, []);
        _events.Publish(matchId, [MatchFeedEvent.Ended(last.Tick, MatchEndReason.NodeLost)], last);
        _events.Remove(matchId, last);
        LogMatchNodeLost(_logger, matchId);
    }

    [LoggerMessage(EventId = 70, EventName = "DirectoryRenewFailed", Level = LogLevel.Warning,
        Message = "Could not renew this node's leases in Redis; its matches stay listed until their leases expire")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 71, EventName = "DirectoryMatchNodeLost", Level = LogLevel.Warning,
        Message = "Match {MatchId} left the directory and was ended in the feed: its node stopped renewing its lease")]
    private static partial void LogMatchNodeLost(ILogger logger, uint matchId);
}
