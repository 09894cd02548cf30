namespace GameServer.Seats;

/// <summary>A match a placement may seat a player in: its seats taken or held as its owner last told, and whether another node owns it.</summary>
public readonly record struct SeatCandidate(uint MatchId, int Seats, int Capacity, bool IsRemote);
