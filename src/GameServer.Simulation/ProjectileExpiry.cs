namespace GameServer.Simulation;

/// <summary>When a projectile vanishes. Every projectile lives equally long, so these queue up in expiry order.</summary>
internal readonly record struct ProjectileExpiry(uint Id, uint Tick);
