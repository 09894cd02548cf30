namespace GameServer.Simulation;

/// <summary>A living player a projectile may hit this tick: its index in the world and its position, gathered once per tick.</summary>
internal readonly record struct HitTarget(int Index, uint Id, int X, int Y);
