namespace GameServer.Matches;

/// <summary>
/// Where players are placed: the seam a multi-node implementation will fill. A placement that says Joined holds a
/// seat for the player, which the player's Join then takes; it names a match, never hands one out.
/// </summary>
public interface IMatchmaker
{
    /// <summary>A seat in the fullest match that is neither full nor ended, or in a new one.</summary>
    ValueTask<MatchPlacement> QuickJoinAsync(CancellationToken cancellationToken = default);

    /// <summary>A seat in the match with this id; NotFound when no live match has it, Full when it takes no one.</summary>
    ValueTask<MatchPlacement> JoinAsync(uint matchId, CancellationToken cancellationToken = default);
}
