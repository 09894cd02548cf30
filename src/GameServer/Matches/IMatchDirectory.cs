namespace GameServer.Matches;

/// <summary>
/// Which matches are live and which node owns each: the seam a multi-node implementation will fill. A match is
/// listed while its node runs it (a networked directory holds it under a lease the node renews from
/// <see cref="LocalMatches"/>), so nothing on a tick thread ever waits on the directory.
/// </summary>
public interface IMatchDirectory
{
    /// <summary>The live matches, in id order.</summary>
    ValueTask<IReadOnlyList<MatchListing>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The live match with this id, or null.</summary>
    ValueTask<MatchListing?> FindAsync(uint matchId, CancellationToken cancellationToken = default);

    /// <summary>Whether a match with this id was listed and has been removed: its feed is over for good.</summary>
    ValueTask<bool> WasRemovedAsync(uint matchId, CancellationToken cancellationToken = default);
}
