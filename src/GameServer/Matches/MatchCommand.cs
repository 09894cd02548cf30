using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>A request from a connection to a match, carried to the match's tick, which alone changes the match.</summary>
public readonly record struct MatchCommand(MatchCommandKind Kind, PlayerConnection Connection, string? Name = null, ResumeToken Token = default);
