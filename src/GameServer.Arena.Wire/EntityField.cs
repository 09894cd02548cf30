namespace GameServer.Arena.Wire;

/// <summary>Bits of a Delta's per-entity field mask, in wire order (protocol.md, "Entity").</summary>
[Flags]
public enum EntityField : ushort
{
    None = 0,
    X = 1 << 0,
    Y = 1 << 1,
    Vx = 1 << 2,
    Vy = 1 << 3,
    Aim = 1 << 4,
    Health = 1 << 5,
    Score = 1 << 6,
    Flags = 1 << 7,
    LastInputSequence = 1 << 8,
    Aux = 1 << 9,
    All = (1 << 10) - 1,
}
