namespace GameServer.Simulation;

/// <summary>
/// What the match keeps about a player beyond its wire entity: timers, the held input and the counters the
/// standings need. Kills and score live in the entity (Aux and Score) because clients see them.
/// </summary>
internal sealed class PlayerSlot(uint id, string name)
{
    public uint Id { get; } = id;

    public string Name { get; } = name;

    public uint Deaths { get; set; }

    /// <summary>Ticks until the next shot is allowed; 0 when ready.</summary>
    public int FireCooldown { get; set; }

    /// <summary>Ticks of spawn protection left.</summary>
    public int ProtectionTicks { get; set; }

    /// <summary>Ticks until a dead player respawns.</summary>
    public int RespawnTicks { get; set; }

    /// <summary>The movement of the latest valid input, held until the next one arrives (a late packet does not stop the player).</summary>
    public sbyte MoveX { get; set; }

    public sbyte MoveY { get; set; }

    public ushort Aim { get; set; }

    /// <summary>Whether any valid input of this tick had Fire; never held over to the next tick.</summary>
    public bool FireRequested { get; set; }

    /// <summary>The view tick of this tick's last input with Fire: the world its shot is judged against (lag compensation).</summary>
    public uint FireViewTick { get; set; }

    /// <summary>Counts the player's spawns: a shot rewound to an earlier life does not hit this one.</summary>
    public uint Life { get; set; }

    public void ClearInput()
    {
        MoveX = 0;
        MoveY = 0;
        FireRequested = false;
    }
}
