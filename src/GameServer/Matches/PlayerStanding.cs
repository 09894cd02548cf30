namespace GameServer.Matches;

/// <summary>One player's line in a scoreboard.</summary>
public sealed record PlayerStanding(uint Id, string Name, int Score, uint Kills, bool Connected);
