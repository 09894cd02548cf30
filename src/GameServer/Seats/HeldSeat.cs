namespace GameServer.Seats;

/// <summary>A seat held in one of this node's matches for a player on the way, since a timestamp of the server's clock.</summary>
internal readonly record struct HeldSeat(uint MatchId, long HeldAt);
