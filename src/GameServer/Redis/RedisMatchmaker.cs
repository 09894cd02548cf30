using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Seats;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// Matchmaking over the cluster: the fullest joinable match of the scope, counting the seats other nodes hold there
/// (<see cref="RedisSeatLedger"/>), else a new match here. A seat on this node is held by its <see cref="MatchHost"/>,
/// one on another node by a reservation in Redis. A placement costs one round trip over what the directory's read costs.
/// While Redis does not answer, it places in this node's matches only, as a single node would.
/// </summary>
public sealed partial class RedisMatchmaker(LocalMatches local, RedisMatchDirectory directory, RedisSeatLedger ledger, ILogger<RedisMatchmaker> logger) : IMatchmaker
{
    // Only the fullest few go to Redis: with this many full at once, a new match is no worse an answer.
    private const int MaxCandidates = 8;

    public async ValueTask<MatchPlacement> QuickJoinAsync(string? game = null, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
    {
        if (!local.Games.TryFind(game, out string name, out _))
        {
            return MatchPlacement.Refused(JoinOutcome.UnknownGame, 0);
        }

        var candidates = new List<SeatCandidate>();
        var owners = new Dictionary<uint, NodeAddress>();
        if (scope == PlacementScope.Cluster && await ListClusterAsync(cancellationToken) is IReadOnlyList<MatchListing> listings)
        {
            foreach (MatchListing listing in listings)
            {
                if (listing.Summary.Game == name)
                {
                    AddCandidate(candidates, owners, listing);
                }
            }
        }
        else
        {
            foreach (MatchHost match in local.Matches)
            {
                if (match.Game == name)
                {
                    AddLocal(candidates, match);
                }
            }
        }

        if (candidates.Count > 0)
        {
            candidates.Sort(static (x, y) => y.Seats.CompareTo(x.Seats));
            if (candidates.Count > MaxCandidates)
            {
                candidates.RemoveRange(MaxCandidates, candidates.Count - MaxCandidates);
            }

            if (await PlaceAsync(candidates, owners) is MatchPlacement placed)
            {
                return placed;
            }
        }

        return MatchPlacement.Local((await local.OpenWithSeatAsync(name, cancellationToken)).Id);
    }

    public async ValueTask<MatchPlacement> JoinAsync(uint matchId, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
    {
        if (local.Find(matchId) is MatchHost match)
        {
            return match.IsOpen && await PlaceAsync([new SeatCandidate(matchId, match.Seats, match.Capacity, IsRemote: false)], []) is MatchPlacement placed
                ? placed
                : MatchPlacement.Refused(JoinOutcome.Full, matchId);
        }

        if (await FindRemoteAsync(matchId, cancellationToken) is not MatchListing listing)
        {
            return MatchPlacement.Refused(JoinOutcome.NotFound, matchId);
        }

        if (scope == PlacementScope.ThisNode)
        {
            return MatchPlacement.Elsewhere(matchId, listing.Node);
        }

        var owners = new Dictionary<uint, NodeAddress>();
        var candidates = new List<SeatCandidate>(1);
        AddCandidate(candidates, owners, listing);
        return candidates.Count > 0 && await PlaceAsync(candidates, owners) is MatchPlacement remote
            ? remote
            : MatchPlacement.Refused(JoinOutcome.Full, matchId);
    }

    private void AddCandidate(List<SeatCandidate> candidates, Dictionary<uint, NodeAddress> owners, MatchListing listing)
    {
        // The directory reads this node's matches live; their seats held here count too, which a listing does not show.
        if (local.Find(listing.Id) is MatchHost match)
        {
            AddLocal(candidates, match);
            return;
        }

        // The seats its node holds for its own placements count as taken: its players alone would let two nodes fill it twice.
        MatchSummary summary = listing.Summary;
        int seats = summary.Seats ?? summary.Players.Count;
        if (summary.Phase != MatchPhase.Ended && seats < summary.Capacity)
        {
            candidates.Add(new SeatCandidate(listing.Id, seats, summary.Capacity, IsRemote: true));
            owners[listing.Id] = listing.Node;
        }
    }

    private static void AddLocal(List<SeatCandidate> candidates, MatchHost match)
    {
        if (match.IsOpen)
        {
            candidates.Add(new SeatCandidate(match.Id, match.Seats, match.Capacity, IsRemote: false));
        }
    }

    /// <summary>A seat in the first candidate with room, or null; a local match may have filled since the script looked.</summary>
    private async ValueTask<MatchPlacement?> PlaceAsync(List<SeatCandidate> candidates, Dictionary<uint, NodeAddress> owners)
    {
        string token = SeatTokens.New();
        SeatChoice? chosen;
        try
        {
            chosen = await ledger.ChooseAsync(candidates, token);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogLocalOnly(logger, exception);
            return PlaceLocally(candidates);
        }

        if (chosen is not SeatChoice choice)
        {
            return null;
        }

        if (owners.TryGetValue(choice.MatchId, out NodeAddress owner))
        {
            return MatchPlacement.Remote(choice.MatchId, owner, token);
        }

        return local.Find(choice.MatchId) is MatchHost match && match.TryReserveSeat(choice.HeldElsewhere) ? MatchPlacement.Local(match.Id) : null;
    }

    /// <summary>Without Redis, the reservations of other nodes are unknown: this node's own count decides, as on a single node.</summary>
    private MatchPlacement? PlaceLocally(List<SeatCandidate> candidates)
    {
        foreach (SeatCandidate candidate in candidates)
        {
            if (!candidate.IsRemote && local.Find(candidate.MatchId) is MatchHost match && match.TryReserveSeat())
            {
                return MatchPlacement.Local(match.Id);
            }
        }

        return null;
    }

    private async ValueTask<IReadOnlyList<MatchListing>?> ListClusterAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await directory.ListAsync(cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogLocalOnly(logger, exception);
            return null;
        }
    }

    /// <summary>The match on another node, or null when none lists it or Redis cannot say.</summary>
    private async ValueTask<MatchListing?> FindRemoteAsync(uint matchId, CancellationToken cancellationToken)
    {
        try
        {
            return await directory.FindAsync(matchId, cancellationToken);
        }
        catch (Exception exception) when (IsRedisFailure(exception))
        {
            LogLocalOnly(logger, exception);
            return null;
        }
    }

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException;

    [LoggerMessage(EventId = 73, EventName = "PlacementLocalOnly", Level = LogLevel.Warning,
        Message = "Redis did not answer a placement; placing in this node's matches only")]
    private static partial void LogLocalOnly(ILogger logger, Exception exception);
}
