namespace GameServer.Matches;

/// <summary>
/// Where players are placed. A placement that says Joined holds a seat for the player, which the player's Join then
/// takes: on this node a seat counted by its <see cref="MatchHost"/>, on another node a reservation the player presents
/// there. It names a match, never hands one out.
/// </summary>
public interface IMatchmaker
{
    /// <summary>
    /// A seat in the fullest match of <paramref name="game"/> in the scope that is neither full nor ended, or in a new one
    /// on this node; UnknownGame when this node does not run that game.
    /// </summary>
    /// <param name="game">The game's name; null for the default game (<see cref="MatchmakingOptions.Game"/>).</param>
    ValueTask<MatchPlacement> QuickJoinAsync(string? game = null, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default);

    /// <summary>
    /// A seat in the match with this id; NotFound when no live match has it, Full when it takes no one, Elsewhere when it
    /// runs on another node and the scope is this node.
    /// </summary>
    ValueTask<MatchPlacement> JoinAsync(uint matchId, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default);
}
