namespace GameServer.Http;

/// <summary>The optional body of POST /matchmaking: a match to join, or a game to quick-join (none: the server's default game).</summary>
public sealed record MatchmakingRequest(uint? MatchId, string? Game = null);
