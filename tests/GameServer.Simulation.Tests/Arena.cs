using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

/// <summary>Builds matches in known states and drives them: the tests' shared vocabulary.</summary>
internal static class Arena
{
    /// <summary>Position units per world unit, short for the tests' coordinates.</summary>
    public const int U = Quantization.PositionScale;

    /// <summary>Rules with nothing in the way: one player starts, a one-tick countdown, no pickups, no spawn protection, no limits.</summary>
    public static ArenaRules QuietRules() => new()
    {
        MinPlayersToStart = 1,
        CountdownTicks = 1,
        TimeLimitTicks = 0,
        ScoreLimit = 0,
        MaxPickups = 0,
        SpawnProtectionTicks = 0,
    };

    /// <summary>A running match with <paramref name="players"/> players named p1, p2...</summary>
    public static Match Running(int players, ArenaRules? rules = null, ulong seed = 1)
    {
        var match = new Match(1, seed, rules ?? QuietRules());
        for (int i = 0; i < players; i++)
        {
            match.AddPlayer("p" + (i + 1));
        }

        for (int i = 0; i < 1_000 && match.Phase != MatchPhase.Running; i++)
        {
            match.Step([]);
        }

        Assert.Equal(MatchPhase.Running, match.Phase);
        return match;
    }

    public static ref EntityState Entity(Match match, uint id) => ref match.World.Get(id);

    /// <summary>Puts a player at rest at (x, y) in world units.</summary>
    public static void Place(Match match, uint id, int x, int y)
    {
        ref EntityState e = ref match.World.Get(id);
        e.X = x * U;
        e.Y = y * U;
        e.Vx = 0;
        e.Vy = 0;
    }

    public static PlayerInput Input(uint player, uint sequence, int moveX = 0, int moveY = 0, ushort aim = 0, bool fire = false) =>
        new(player, new InputMessage(sequence, 0, (sbyte)moveX, (sbyte)moveY, aim, fire ? Buttons.Fire : Buttons.None));

    public static void Idle(Match match, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            match.Step([]);
        }
    }

    public static int CountKind(Match match, EntityKind kind)
    {
        int count = 0;
        foreach (ref readonly EntityState e in match.World.Entities)
        {
            if (e.Kind == kind)
            {
                count++;
            }
        }

        return count;
    }

    public static bool HasEvent(Match match, GameEventKind kind, uint subject, uint obj = 0, int? value = null)
    {
        foreach (GameEvent e in match.Events)
        {
            if (e.Kind == kind && e.Subject == subject && e.Object == obj && (value is null || e.Value == value))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAlive(in EntityState e) => (e.Flags & EntityFlags.Alive) != 0;

    public static long SpeedSquared(in EntityState e) => ((long)e.Vx * e.Vx) + ((long)e.Vy * e.Vy);
}
