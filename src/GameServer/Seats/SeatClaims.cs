using GameServer.Matches;

namespace GameServer.Seats;

/// <summary>
/// Turns a seat presented on the WebSocket upgrade into a seat held in a match of this node: one POST /matchmaking
/// reserved here (held in memory), or one another node reserved (held in Redis, taken in one round trip).
/// </summary>
public sealed class SeatClaims(LocalSeats local, IRemoteSeats remote, LocalMatches matches, SeatMetrics metrics)
{
    /// <summary>Takes the seat, used up whatever the answer; <paramref name="wantedMatchId"/> is the Join's match, null for the seat's own.</summary>
    public async ValueTask<SeatClaim> TakeAsync(string seat, uint? wantedMatchId, CancellationToken cancellationToken = default)
    {
        SeatClaim claim = await ClaimAsync(seat, wantedMatchId, cancellationToken).ConfigureAwait(false);
        if (claim.Outcome != SeatClaimOutcome.Taken)
        {
            metrics.Refused(claim.Outcome);
        }

        return claim;
    }

    private async ValueTask<SeatClaim> ClaimAsync(string seat, uint? wantedMatchId, CancellationToken cancellationToken)
    {
        if (!SeatTokens.IsWellFormed(seat))
        {
            return new SeatClaim(SeatClaimOutcome.Unknown);
        }

        if (local.TryTake(seat, out uint heldIn))
        {
            if (wantedMatchId is uint wanted && wanted != heldIn)
            {
                local.Release(heldIn);
                return new SeatClaim(SeatClaimOutcome.OtherMatch);
            }

            return matches.Find(heldIn) is MatchHost held ? SeatClaim.Taken(held) : new SeatClaim(SeatClaimOutcome.MatchGone);
        }

        if (await remote.TakeAsync(seat, cancellationToken).ConfigureAwait(false) is not uint reservedIn)
        {
            return new SeatClaim(SeatClaimOutcome.Unknown);
        }

        if (wantedMatchId is uint other && other != reservedIn)
        {
            return new SeatClaim(SeatClaimOutcome.OtherMatch);
        }

        // The reservation kept the seat out of every placement's count until now; from here the match counts it.
        return matches.Find(reservedIn) is MatchHost match && match.TryReserveSeat() ? SeatClaim.Taken(match) : new SeatClaim(SeatClaimOutcome.MatchGone);
    }
}
