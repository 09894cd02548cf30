namespace GameServer.Arena.Wire;

/// <summary>What an entity is.</summary>
public enum EntityKind : byte
{
    Player = 1,
    Projectile = 2,
    Pickup = 3,
}
