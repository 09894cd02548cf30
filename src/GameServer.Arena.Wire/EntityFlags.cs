namespace GameServer.Arena.Wire;

/// <summary>State bits of an entity (the <see cref="EntityState.Flags"/> field).</summary>
[Flags]
public enum EntityFlags : byte
{
    None = 0,

    /// <summary>The player is alive (a dead player waits to respawn).</summary>
    Alive = 1,

    /// <summary>The player has just spawned and takes no damage.</summary>
    SpawnProtected = 2,
}
