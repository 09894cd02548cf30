namespace GameServer.Matches;

/// <summary>
/// Where matches are found: the seam a multi-node implementation will fill. Every successful call reserves a seat
/// in the match it returns, which the player's Join then takes.
/// </summary>
public interface IMatchmaker
{
    /// <summary>The fullest match that is neither full nor ended, or a new one.</summary>
    MatchHost QuickJoin();

    /// <summary>A seat in the match with this id.</summary>
    JoinOutcome TryJoin(uint matchId, out MatchHost? match);

    /// <summary>The live match with this id, or null.</summary>
    MatchHost? Find(uint matchId);

    /// <summary>Whether a match with this id existed and has been removed.</summary>
    bool WasRemoved(uint matchId);

    /// <summary>The live matches, in id order.</summary>
    IReadOnlyList<MatchHost> Matches { get; }
}
