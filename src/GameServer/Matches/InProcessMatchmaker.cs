namespace GameServer.Matches;

/// <summary>
/// Matchmaking over this node's own matches, the whole cluster of a single node: every placement is local. Its gate
/// is taken on quick joins only, so two of them never both open a match where one would do.
/// </summary>
public sealed class InProcessMatchmaker(LocalMatches matches) : IMatchmaker, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<MatchPlacement> QuickJoinAsync(string? game = null, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
    {
        if (!matches.Games.TryFind(game, out string name, out _))
        {
            return MatchPlacement.Refused(JoinOutcome.UnknownGame, 0);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            MatchHost? best = null;
            foreach (MatchHost match in matches.Matches)
            {
                if (match.IsOpen && match.Game == name && (best is null || match.Seats > best.Seats))
                {
                    best = match;
                }
            }

            MatchHost placed = best is not null && best.TryReserveSeat() ? best : await matches.OpenWithSeatAsync(name, cancellationToken);
            return MatchPlacement.Local(placed.Id);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask<MatchPlacement> JoinAsync(uint matchId, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
    {
        MatchPlacement placement = matches.Find(matchId) switch
        {
            null => MatchPlacement.Refused(JoinOutcome.NotFound, matchId),
            MatchHost match when match.TryReserveSeat() => MatchPlacement.Local(matchId),
            _ => MatchPlacement.Refused(JoinOutcome.Full, matchId),
        };
        return ValueTask.FromResult(placement);
    }

    public void Dispose() => _gate.Dispose();
}
