namespace GameServer.Protocol;

/// <summary>Something the client asked for was refused: <c>[21, code, message]</c>.</summary>
public readonly record struct ErrorMessage(ErrorCode Code, string Message);
