namespace GameServer.Matches;

/// <summary>
/// Matchmaking over this node's own matches, the whole cluster of a single node: every placement is local and answered at once. Its lock is taken on
/// quick joins only, so two of them never both open a match where one would do.
/// </summary>
public sealed class InProcessMatchmaker(LocalMatches matches) : IMatchmaker
{
    private readonly Lock _lock = new();

    public ValueTask<MatchPlacement> QuickJoinAsync(PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            MatchHost? best = null;
            foreach (MatchHost match in matches.Matches)
            {
                if (match.IsOpen && (best is null || match.Seats > best.Seats))
                {
                    best = match;
                }
            }

            MatchHost placed = best is not null && best.TryReserveSeat() ? best : matches.OpenWithSeat();
            return ValueTask.FromResult(MatchPlacement.Local(placed.Id));
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
}
