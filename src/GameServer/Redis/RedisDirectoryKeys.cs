using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The match directory's keys: a node's registration (<c>node:{nodeId}</c>, its address, under a TTL), the nodes by
/// when their registration lapses (the sorted set <c>nodes</c>, so that finding lost nodes reads the nodes, not every
/// match), each node's matches (the set <c>node-matches:{nodeId}</c>), a match's lease
/// (<c>match:{id}</c>, its scoreboard as JSON, under a TTL), the owners of the listed matches (the hash <c>matches</c>,
/// id to node id), the last scoreboard of each, kept past its lease so that a lost node's matches can be ended with
/// them (the hash <c>standings</c>), the cluster's match id counter (<c>match-ids</c>), and the seat reservations: one
/// per token (<c>seat:{token}</c>, its match id, under the hold time) and a sorted set per match (<c>seats:{id}</c>,
/// token by expiry in Redis milliseconds), each behind the configured prefix.
/// </summary>
internal sealed class RedisDirectoryKeys(string prefix)
{
    public RedisKey Owners { get; } = prefix + "matches";

    public RedisKey Standings { get; } = prefix + "standings";

    public RedisKey MatchIds { get; } = prefix + "match-ids";

    public RedisKey Nodes { get; } = prefix + "nodes";

    public RedisKey Node(string nodeId) => prefix + "node:" + nodeId;

    public RedisKey NodeMatches(string nodeId) => prefix + "node-matches:" + nodeId;

    /// <summary>The start of every match's <c>seats:{id}</c> key, for the script that finds it from a seat's match id.</summary>
    public string SeatsPrefix { get; } = prefix + "seats:";

    public RedisKey Seat(string token) => prefix + "seat:" + token;

    public RedisKey Seats(uint matchId) => SeatsPrefix + matchId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public RedisKey Lease(uint matchId) => prefix + "match:" + matchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
