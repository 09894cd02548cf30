namespace GameServer.Http;

/// <summary>The optional body of POST /matchmaking: a match to join, or none for the fullest joinable one.</summary>
public sealed record MatchmakingRequest(uint? MatchId);
