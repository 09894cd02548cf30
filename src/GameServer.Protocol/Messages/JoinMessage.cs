namespace GameServer.Protocol;

/// <summary>Client asks to play: <c>[1, name, matchId|nil, resumeToken|nil, game|nil]</c>, the last element optional.</summary>
/// <param name="Name">The player's display name (validated by the server).</param>
/// <param name="MatchId">The match to join, or null to quick-join.</param>
/// <param name="Resume">A resume token from an earlier Welcome, or <see cref="ResumeToken.None"/>.</param>
/// <param name="Game">The game a quick join looks for (such as "tag"), or null for the server's default game.</param>
public readonly record struct JoinMessage(string Name, uint? MatchId, ResumeToken Resume, string? Game = null);
