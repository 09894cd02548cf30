using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The match directory's keys: a node's registration (<c>node:{nodeId}</c>, its address, under a TTL), a match's lease
/// (<c>match:{id}</c>, its scoreboard as JSON, under a TTL), the owners of the listed matches (the hash <c>matches</c>,
/// id to node id), the last scoreboard of each, kept past its lease so that a lost node's matches can be ended with
/// them (the hash <c>standings</c>), and the cluster's match id counter (<c>match-ids</c>), each behind the configured prefix.
/// </summary>
internal sealed class RedisDirectoryKeys(string prefix)
{
    public RedisKey Owners { get; } = prefix + "matches";

    public RedisKey Standings { get; } = prefix + "standings";

    public RedisKey MatchIds { get; } = prefix + "match-ids";

    public RedisKey Node(string nodeId) => prefix + "node:" + nodeId;

    public RedisKey Lease(uint matchId) => prefix + "match:" + matchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
