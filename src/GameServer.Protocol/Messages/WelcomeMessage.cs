namespace GameServer.Protocol;

/// <summary>Server accepts a Join: <c>[16, version, playerId, matchId, tickRate, tick, resumeToken]</c>.</summary>
public readonly record struct WelcomeMessage(int Version, uint PlayerId, uint MatchId, int TickRate, uint Tick, ResumeToken Resume);
