using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>A match event with the names of the players it involves, resolved on the tick that owns them.</summary>
public readonly record struct MatchFeedEvent(GameEvent Event, string? SubjectName, string? ObjectName);
