using System.Text.Json;
using System.Text.Json.Serialization;
using GameServer.Matches;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The cluster's match directory: this node's matches read live from <see cref="LocalMatches"/>, the other nodes'
/// from the leases they renew in Redis (see <see cref="RedisDirectoryKeys"/>). Reads are one or two round trips;
/// nothing on a tick thread calls it.
/// </summary>
public sealed partial class RedisMatchDirectory : IMatchDirectory
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async ValueTask<IReadOnlyList<MatchListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var listings = new SortedDictionary<uint, MatchListing>();
        HashEntry[] owners = await Database.HashGetAllAsync(_keys.Owners);
        List<uint> remote = [];
        foreach (HashEntry owner in owners)
        {
            // This node's own entries may lag its matches by a renewal: LocalMatches is the truth for them.
            if (owner.Value != _nodeId)
            {
                remote.Add((uint)(long)owner.Name);
            }
        }

        RedisValue[] leases = await Database.StringGetAsync([.. remote.Select(_keys.Lease)]);
        foreach (RedisValue lease in leases)
        {
            if (Parse(lease) is MatchListing listing)
            {
                listings[listing.Id] = listing;
            }
        }

        foreach (MatchHost match in _local.Matches)
        {
            listings[match.Id] = Listing(match);
        }

        return [.. listings.Values];
    }

    public async ValueTask<MatchListing?> FindAsync(uint matchId, CancellationToken cancellationToken = default)
    {
        if (_local.Find(matchId) is MatchHost match)
        {
            return Listing(match);
        }

        RedisValue owner = await Database.HashGetAsync(_keys.Owners, matchId);
        return owner.HasValue && owner != _nodeId ? Parse(await Database.StringGetAsync(_keys.Lease(matchId))) : null;
    }

    /// <summary>
    /// An id the cluster has handed out that no node lists. A match's first lease is written on its node's next
    /// renewal, and ids are reserved in blocks: until then another node takes such an id for removed.
    /// </summary>
    public async ValueTask<bool> WasRemovedAsync(uint matchId, CancellationToken cancellationToken = default)
    {
        if (matchId == 0 || _local.Find(matchId) is not null || await FindAsync(matchId, cancellationToken) is not null)
        {
            return false;
        }

        RedisValue last = await Database.StringGetAsync(_keys.MatchIds);
        return last.TryParse(out long handedOut) && matchId <= handedOut;
    }

    private MatchListing Listing(MatchHost match) => new(_address, Summary(match));

    // A draining node lists its matches as full: other nodes' placements then send nobody there (within a renewal).
    private MatchSummary Summary(MatchHost match) => match.Summary with { Node = _address.Value, Seats = _drain.IsDraining ? match.Capacity : match.Seats };

    private static MatchListing? Parse(RedisValue lease)
    {
        try
        {
            return lease.HasValue && JsonSerializer.Deserialize<MatchSummary>((string)lease!, s_json) is { Node: string node } summary
                ? new MatchListing(new NodeAddress(node), summary)
                : null;
        }
        catch (JsonException)
        {
            // A lease this version cannot read (a newer node's, say) is left out of the listing rather than failing it.
            return null;
        }
    }

    private RedisValue Lease(MatchHost match) => JsonSerializer.Serialize(Summary(match), s_json);
}
