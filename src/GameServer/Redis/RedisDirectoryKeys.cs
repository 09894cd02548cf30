using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The match directory's keys: a node's registration (<c>node:{nodeId}</c>, its address, under a TTL), a match's lease
/// (<c>match:{id}</c>, its scoreboard as JSON, under a TTL), the owners of the listed matches (the hash <c>matches</c>,
/// id to node id), the cluster's match id counter (<c>match-ids</c>), and the seat reservations: one per token
/// (<c>seat:{token}</c>, its match id, under the hold time) and a sorted set per match (<c>seats:{id}</c>, token by expiry in
/// Redis milliseconds), each behind the configured prefix.
/// </summary>
internal sealed class RedisDirectoryKeys(string prefix)
{
    public RedisKey Owners { get; } = prefix + "matches";

    public RedisKey MatchIds { get; } = prefix + "match-ids";

    public RedisKey Node(string nodeId) => prefix + "node:" + nodeId;

    /// <summary>The start of every match's <c>seats:{id}</c> key, for the script that finds it from a seat's match id.</summary>
    public string SeatsPrefix { get; } = prefix + "seats:";

    public RedisKey Seat(string token) => prefix + "seat:" + token;

    public RedisKey Seats(uint matchId) => SeatsPrefix + matchId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public RedisKey Lease(uint matchId) => prefix + "match:" + matchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
