using GameServer.Protocol.Schema;
using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

/// <summary>Builds Tag matches in known states and drives them: the Tag tests' shared vocabulary.</summary>
internal static class TagPlay
{
    /// <summary>Position units per world unit, short for the tests' coordinates.</summary>
    public const int U = Quantization.PositionScale;

    /// <summary>Rules with short phases: two players start after a one-tick countdown, no time limit.</summary>
    public static TagRules QuickRules() => new() { CountdownTicks = 1, TimeLimitTicks = 0, EndedTicks = 1 };

    /// <summary>A running match with <paramref name="players"/> players named p1, p2..., nobody immune yet.</summary>
    public static TagMatch Running(int players, TagRules? rules = null, ulong seed = 1)
    {
        var match = new TagMatch(1, seed, rules ?? QuickRules());
        for (int i = 0; i < players; i++)
        {
            match.AddPlayer("p" + (i + 1));
        }

        for (int i = 0; i < 1_000 && match.Phase != MatchPhase.Running; i++)
        {
            match.Step([]);
        }

        Assert.Equal(MatchPhase.Running, match.Phase);
        for (uint id = 1; id <= players; id++)
        {
            match.Player(id).ImmuneTicks = 0;
        }

        return match;
    }

    /// <summary>The id of the one player who is "it"; fails unless there is exactly one.</summary>
    public static uint It(TagMatch match)
    {
        SchemaWorld state = State(match);
        uint it = 0;
        for (int i = 0; i < state.Count; i++)
        {
            if (state.ValuesAt(i)[TagSchema.It] == 1)
            {
                Assert.Equal(0u, it);
                it = state.Ids[i];
            }
        }

        Assert.NotEqual(0u, it);
        return it;
    }

    /// <summary>Puts a player at rest at (x, y) in world units, holding no movement.</summary>
    public static void Place(TagMatch match, uint id, int x, int y)
    {
        TagPlayer player = match.Player(id);
        player.X = x * U;
        player.Y = y * U;
        player.Vx = 0;
        player.Vy = 0;
        player.MoveX = 0;
        player.MoveY = 0;
    }

    public static PlayerInput Input(uint player, uint sequence, int moveX = 0, int moveY = 0)
    {
        var values = default(InputValues);
        values[TagSchema.MoveX] = moveX;
        values[TagSchema.MoveY] = moveY;
        return new PlayerInput(player, new GameInput(sequence, 0, 0, values));
    }

    public static void Idle(TagMatch match, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            match.Step([]);
        }
    }

    public static bool HasEvent(TagMatch match, GameEventKind kind, uint subject, uint obj = 0)
    {
        foreach (GameEvent e in match.Events)
        {
            if (e.Kind == kind && e.Subject == subject && e.Object == obj)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The match's state as a client would see it.</summary>
    public static SchemaWorld State(TagMatch match)
    {
        var state = new SchemaWorld(match.Schema);
        match.WriteState(state);
        return state;
    }
}
