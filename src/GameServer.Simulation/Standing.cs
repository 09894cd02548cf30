namespace GameServer.Simulation;

/// <summary>One line of a match's standings.</summary>
public readonly record struct Standing(uint PlayerId, string Name, int Score, uint Kills, uint Deaths);
