using System.Text.Json.Serialization;
using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>A match's scoreboard as the HTTP API shows it; rebuilt by the tick when standings change, read by any thread.</summary>
public sealed record MatchSummary(uint Id, string Game, MatchPhase Phase, uint Tick, double SecondsLeft, int Capacity, IReadOnlyList<PlayerStanding> Players)
{
    /// <summary>The address of the node that runs the match, on a cluster; null, and left out of the JSON, on a single node.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Node { get; init; }

    /// <summary>
    /// On a cluster, the seats taken or held (its players, and those on their way with a seat from its own node), so
    /// that another node's placement counts the seats its node holds too; null, and left out, on a single node.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seats { get; init; }
}
