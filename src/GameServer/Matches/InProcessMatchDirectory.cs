namespace GameServer.Matches;

/// <summary>The directory of a single node: its own matches, read live from <see cref="LocalMatches"/>.</summary>
public sealed class InProcessMatchDirectory(LocalMatches matches) : IMatchDirectory
{
    public ValueTask<IReadOnlyList<MatchListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<MatchHost> live = matches.Matches;
        var listings = new MatchListing[live.Count];
        for (int i = 0; i < listings.Length; i++)
        {
            listings[i] = Listing(live[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<MatchListing>>(listings);
    }

    public ValueTask<MatchListing?> FindAsync(uint matchId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(matches.Find(matchId) is MatchHost match ? Listing(match) : null);

    public ValueTask<bool> WasRemovedAsync(uint matchId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(matches.WasRemoved(matchId));

    private static MatchListing Listing(MatchHost match) => new(NodeAddress.Local, match.Summary);
}
