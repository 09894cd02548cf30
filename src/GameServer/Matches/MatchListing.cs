namespace GameServer.Matches;

/// <summary>A match as the directory lists it: the node that owns it, and its scoreboard (phase, players, capacity).</summary>
public sealed record MatchListing(NodeAddress Node, MatchSummary Summary)
{
    public uint Id => Summary.Id;
}
