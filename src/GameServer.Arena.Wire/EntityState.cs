namespace GameServer.Arena.Wire;

/// <summary>
/// One entity of the world in wire units. Every kind has the same fields, so one delta rule covers them all;
/// fields a kind does not use stay 0 and never cost a byte in a delta.
/// </summary>
public struct EntityState
{
    /// <summary>Unique within a match and never reused.</summary>
    public uint Id;

    public EntityKind Kind;

    /// <summary>The player's name; null for other kinds. Never changes.</summary>
    public string? Name;

    /// <summary>Position in position units (1/16 world unit).</summary>
    public int X;

    public int Y;

    /// <summary>Velocity in position units per tick.</summary>
    public int Vx;

    public int Vy;

    /// <summary>Facing in angle units.</summary>
    public ushort Aim;

    public int Health;

    public int Score;

    public EntityFlags Flags;

    /// <summary>For a player, the sequence of the last input the server applied; clients reconcile against it.</summary>
    public uint LastInputSequence;

    /// <summary>Per kind: a player's kills, a projectile's owner id, a pickup's <see cref="PickupKind"/>.</summary>
    public uint Aux;

    /// <summary>The fields whose values differ between two states of one entity.</summary>
    public static EntityField Diff(in EntityState from, in EntityState to)
    {
        var mask = EntityField.None;
        if (from.X != to.X) mask |= EntityField.X;
        if (from.Y != to.Y) mask |= EntityField.Y;
        if (from.Vx != to.Vx) mask |= EntityField.Vx;
        if (from.Vy != to.Vy) mask |= EntityField.Vy;
        if (from.Aim != to.Aim) mask |= EntityField.Aim;
        if (from.Health != to.Health) mask |= EntityField.Health;
        if (from.Score != to.Score) mask |= EntityField.Score;
        if (from.Flags != to.Flags) mask |= EntityField.Flags;
        if (from.LastInputSequence != to.LastInputSequence) mask |= EntityField.LastInputSequence;
        if (from.Aux != to.Aux) mask |= EntityField.Aux;
        return mask;
    }

    /// <summary>Whether every field, the name included, is equal.</summary>
    public static bool AreEqual(in EntityState a, in EntityState b) =>
        a.Id == b.Id && a.Kind == b.Kind && string.Equals(a.Name, b.Name, StringComparison.Ordinal) &&
        Diff(a, b) == EntityField.None;
}
