using GameServer.Matches;

namespace GameServer.Seats;

/// <summary>What a presented seat is good for: a seat held in a live match of this node, or why there is none.</summary>
public readonly record struct SeatClaim(SeatClaimOutcome Outcome, MatchHost? Match = null)
{
    public static SeatClaim Taken(MatchHost match) => new(SeatClaimOutcome.Taken, match);
}
