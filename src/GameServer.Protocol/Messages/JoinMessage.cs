namespace GameServer.Protocol;

/// <summary>Client asks to play: <c>[1, name, matchId|nil, resumeToken|nil]</c>.</summary>
/// <param name="Name">The player's display name (validated by the server).</param>
/// <param name="MatchId">The match to join, or null to quick-join.</param>
/// <param name="Resume">A resume token from an earlier Welcome, or <see cref="ResumeToken.None"/>.</param>
public readonly record struct JoinMessage(string Name, uint? MatchId, ResumeToken Resume);
