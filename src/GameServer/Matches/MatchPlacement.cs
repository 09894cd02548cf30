namespace GameServer.Matches;

/// <summary>
/// The matchmaker's answer: a seat held in a match on this node (found by its id in <see cref="LocalMatches"/>),
/// a seat held on another node (its address and the reservation the player presents there), or why there is none.
/// </summary>
public readonly record struct MatchPlacement(JoinOutcome Outcome, uint MatchId, NodeAddress? Node = null, string? Reservation = null)
{
    /// <summary>Whether the seat is in a match that runs here.</summary>
    public bool IsLocal => Outcome == JoinOutcome.Joined && Node is null;

    public static MatchPlacement Local(uint matchId) => new(JoinOutcome.Joined, matchId);

    public static MatchPlacement Remote(uint matchId, NodeAddress node, string reservation) => new(JoinOutcome.Joined, matchId, node, reservation);

    public static MatchPlacement Refused(JoinOutcome outcome, uint matchId) => new(outcome, matchId);

    /// <summary>No seat: the match runs on that node, and the placement was for this node only.</summary>
    public static MatchPlacement Elsewhere(uint matchId, NodeAddress node) => new(JoinOutcome.Elsewhere, matchId, node);
}
