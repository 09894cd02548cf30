namespace GameServer.Admin;

/// <summary>A seated player of a match in the admin API.</summary>
/// <param name="RttMs">The last WebSocket Ping to Pong round trip the server measured; null before one, on the managed transport, or while disconnected.</param>
/// <param name="InputLagMs">The moving mean of the time its inputs waited for the tick that applied them; null before its first input.</param>
public sealed record AdminPlayer(uint PlayerId, string Name, double? RttMs, double? InputLagMs, long BytesInPerSecond, long BytesOutPerSecond, int Resyncs, int Score);
