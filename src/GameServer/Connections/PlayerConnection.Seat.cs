using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Seats;

namespace GameServer.Connections;

/// <summary>The first Join of a connection that presented a seat (<c>?seat=</c>) that POST /matchmaking reserved.</summary>
public sealed partial class PlayerConnection
{
    private void ClaimSeat(string seat, JoinMessage join)
    {
        ValueTask<SeatClaim> claiming = _services.Seats.TakeAsync(seat, join.MatchId);
        if (claiming.IsCompletedSuccessfully)
        {
            Seat(claiming.Result, join.Name);
        }
        else
        {
            // A cluster's seat is taken from Redis: meanwhile the connection is Joining, so another Join is refused.
            _state = (int)ConnectionState.Joining;
            _ = SeatWhenAnsweredAsync(claiming, join.Name);
        }
    }

    private async Task SeatWhenAnsweredAsync(ValueTask<SeatClaim> claiming, string name)
    {
        try
        {
            Seat(await claiming.ConfigureAwait(false), name);
        }
        catch (Exception exception)
        {
            OnServerError(exception);
        }
    }

    private void Seat(in SeatClaim claim, string name)
    {
        switch (claim.Outcome)
        {
            case SeatClaimOutcome.Taken when RefusesVersion(claim.Match!):
                return;
            case SeatClaimOutcome.Taken:
                EnterMatch(claim.Match!, new MatchCommand(MatchCommandKind.Join, this, name));
                return;
            case SeatClaimOutcome.OtherMatch:
                RefuseJoin(new ErrorMessage(ErrorCode.MatchFull, "The seat is for another match: Join the match POST /matchmaking named."));
                return;
            case SeatClaimOutcome.MatchGone:
                RefuseJoin(new ErrorMessage(ErrorCode.MatchFull, "The seat's match has ended or filled: POST /matchmaking again."));
                return;
            default:
                RefuseJoin(new ErrorMessage(ErrorCode.MatchFull, "The seat is unknown, used or expired: POST /matchmaking again."));
                return;
        }
    }
}
