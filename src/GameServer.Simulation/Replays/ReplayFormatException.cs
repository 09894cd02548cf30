namespace GameServer.Simulation.Replays;

/// <summary>A replay file is truncated or corrupted; the message names the record, its offset and what is wrong.</summary>
public sealed class ReplayFormatException(string message) : Exception(message);
