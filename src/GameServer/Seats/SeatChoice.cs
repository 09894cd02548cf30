namespace GameServer.Seats;

/// <summary>The candidate a placement chose, and how many live reservations other nodes hold in it (the owner counts them as taken).</summary>
public readonly record struct SeatChoice(uint MatchId, int HeldElsewhere);
