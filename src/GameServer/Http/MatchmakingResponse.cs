namespace GameServer.Http;

/// <summary>A seat: the match, the WebSocket URL of the node that runs it, the seat token for <c>?seat=</c>, and how long it is held.</summary>
public sealed record MatchmakingResponse(uint MatchId, string Url, string Seat, double ExpiresInSeconds);
