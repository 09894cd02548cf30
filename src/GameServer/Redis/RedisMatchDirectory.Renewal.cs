using GameServer.Matches;
using GameServer.Protocol;
using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisMatchDirectory
{
    // The matches this node leased on its last renewal; touched by the renewal loop only.
    private HashSet<uint> _leased = [];

    // Released when a match opens here: its lease is written at once rather than at the next renewal, so that no
    // other node, hearing of it in the feed, takes its id for that of a removed match.
    private readonly SemaphoreSlim _opened = new(0);
    private int _openedPending;

    private void OnMatchOpened()
    {
        if (Interlocked.Exchange(ref _openedPending, 1) == 0)
        {
            _opened.Release();
        }
    }

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _started.Task.WaitAsync(cancellationToken);
            using var timer = new PeriodicTimer(_options.RenewInterval, _time);
            Task<bool> tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
            Task opened = _opened.WaitAsync(cancellationToken);
            bool due = true;
            while (true)
            {
                Volatile.Write(ref _openedPending, 0);
                try
                {
                    await RenewAsync();
                    if (due)
                    {
                        await PruneLostAsync();
                    }
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    // Leases outlive a few missed renewals; the next pass tries again.
                    LogRenewFailed(_logger, exception);
                }

                // The timer's next tick (a renewal and a prune), or a match opened (its lease only), whichever comes first.
                due = await Task.WhenAny(tick, opened) == tick;
                if (due)
                {
                    if (!await tick)
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                }
                else
                {
                    await opened;
                    opened = _opened.WaitAsync(cancellationToken);
                }
            }
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
        var writes = new List<Task>((live.Count * 4) + 2)
        {
            batch.StringSetAsync(_keys.Node(_nodeId), _address.Value, _options.LeaseTime),
            batch.SortedSetAddAsync(_keys.Nodes, _nodeId, (_time.GetUtcNow() + _options.LeaseTime).ToUnixTimeMilliseconds()),
        };
        foreach (MatchHost match in live)
        {
            leased.Add(match.Id);
            RedisValue lease = Lease(match);
            writes.Add(batch.StringSetAsync(_keys.Lease(match.Id), lease, _options.LeaseTime));
            writes.Add(batch.HashSetAsync(_keys.Owners, match.Id, _nodeId));
            writes.Add(batch.HashSetAsync(_keys.Standings, match.Id, lease));

            // Every renewal, not only the first: a node taken for lost while it was cut off comes back whole.
            writes.Add(batch.SetAddAsync(_keys.NodeMatches(_nodeId), match.Id));
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
        writes.Add(batch.SetRemoveAsync(_keys.NodeMatches(_nodeId), matchId));
    }

    /// <summary>
    /// Finds the nodes whose registration lapsed (their renewals stopped: crashed, killed or cut off) and ends their
    /// matches. It reads the nodes due by the sorted set, then each one's registration itself, whose TTL Redis keeps:
    /// no node's clock decides that another is lost. Its cost follows the nodes, not the cluster's matches.
    /// </summary>
    private async Task PruneLostAsync()
    {
        RedisValue[] due = await Database.SortedSetRangeByScoreAsync(_keys.Nodes, stop: _time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (RedisValue node in due)
        {
            if (node == _nodeId || await Database.KeyExistsAsync(_keys.Node((string)node!)))
            {
                // A renewal that came late; the node's next one moves it on.
                continue;
            }

            foreach (RedisValue match in await Database.SetMembersAsync(_keys.NodeMatches((string)node!)))
            {
                await EndLostAsync((uint)match);
            }

            await Database.KeyDeleteAsync(_keys.NodeMatches((string)node!));
            await Database.SortedSetRemoveAsync(_keys.Nodes, node);
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
        MatchSummary last = Parse(standings)?.Summary ?? new MatchSummary(matchId, string.Empty, MatchPhase.Running, 0, 0, 0, []);
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
