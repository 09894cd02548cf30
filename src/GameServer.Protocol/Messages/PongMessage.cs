namespace GameServer.Protocol;

/// <summary>Answer to a Ping: <c>[19, clientTime, serverTick]</c>.</summary>
public readonly record struct PongMessage(uint ClientTime, uint ServerTick);
