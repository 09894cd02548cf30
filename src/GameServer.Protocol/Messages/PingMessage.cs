namespace GameServer.Protocol;

/// <summary>Client clock probe: <c>[3, clientTime]</c>; answered at once with a Pong.</summary>
/// <param name="ClientTime">The client's clock in its own units (milliseconds, wrapping), echoed back.</param>
public readonly record struct PingMessage(uint ClientTime);
