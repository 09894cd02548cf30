namespace GameServer.Simulation.Tag;

/// <summary>One player of a Tag match: what clients see (position, it, score, tags, immunity) and what only the match keeps.</summary>
internal sealed class TagPlayer(uint id, string name)
{
    public uint Id { get; } = id;

    public string Name { get; } = name;

    public int X { get; set; }

    public int Y { get; set; }

    public int Vx { get; set; }

    public int Vy { get; set; }

    public bool IsIt { get; set; }

    /// <summary>Seconds survived not being it: <see cref="FreeTicks"/> over the tick rate.</summary>
    public int Score { get; set; }

    /// <summary>Ticks run while not it this match; the score counts its whole seconds.</summary>
    public int FreeTicks { get; set; }

    public int Tags { get; set; }

    public int TimesTagged { get; set; }

    /// <summary>Ticks left during which the player cannot be tagged; 0 when it can.</summary>
    public int ImmuneTicks { get; set; }

    /// <summary>The latest valid input's movement, held until the next one arrives (a late packet does not stop the player).</summary>
    public int MoveX { get; set; }

    public int MoveY { get; set; }

    /// <summary>The sequence of the latest input applied: one not above it is stale or replayed.</summary>
    public uint LastSequence { get; set; }

    public Standing ToStanding() => new(Id, Name, Score, (uint)Tags, (uint)TimesTagged);
}
