using GameServer.Protocol.Schema;

namespace GameServer.LoadTest.Tag;

/// <summary>
/// The <c>play</c> behaviour for Tag, decided from the state alone (so the same world always gives the same move):
/// "it" runs at the nearest player who is not immune (the nearest of all when everyone is), everyone else runs
/// straight away from "it". Without an "it" (before the match runs) a bot stands still.
/// </summary>
public static class TagSteering
{
    /// <summary>The largest value of an input axis (the schema's moveX and moveY range).</summary>
    public const int MaxAxis = 127;

    /// <summary>The move of player <paramref name="self"/> in <paramref name="world"/>: moveX and moveY, each in ±<see cref="MaxAxis"/>.</summary>
    public static (int MoveX, int MoveY) Steer(SchemaWorld world, in TagFields fields, uint self)
    {
        ArgumentNullException.ThrowIfNull(world);
        int me = world.IndexOf(self);
        int it = IndexOfIt(world, fields);
        if (me < 0 || it < 0)
        {
            return (0, 0);
        }

        Span<int> mine = world.ValuesAt(me);
        if (it != me)
        {
            Span<int> chaser = world.ValuesAt(it);
            return Toward(mine[fields.X] - chaser[fields.X], mine[fields.Y] - chaser[fields.Y]);
        }

        int target = Nearest(world, fields, me, skipImmune: true);
        if (target < 0)
        {
            target = Nearest(world, fields, me, skipImmune: false);
        }

        if (target < 0)
        {
            return (0, 0);
        }

        Span<int> prey = world.ValuesAt(target);
        return Toward(prey[fields.X] - mine[fields.X], prey[fields.Y] - mine[fields.Y]);
    }

    private static int IndexOfIt(SchemaWorld world, in TagFields fields)
    {
        for (int i = 0; i < world.Count; i++)
        {
            if (world.ValuesAt(i)[fields.It] != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The nearest other player (the lower id on a tie), or -1.</summary>
    private static int Nearest(SchemaWorld world, in TagFields fields, int me, bool skipImmune)
    {
        Span<int> mine = world.ValuesAt(me);
        int nearest = -1;
        long best = long.MaxValue;
        for (int i = 0; i < world.Count; i++)
        {
            Span<int> other = world.ValuesAt(i);
            if (i == me || (skipImmune && other[fields.Immune] != 0))
            {
                continue;
            }

            long dx = other[fields.X] - mine[fields.X];
            long dy = other[fields.Y] - mine[fields.Y];
            long distance = dx * dx + dy * dy;
            if (distance < best)
            {
                best = distance;
                nearest = i;
            }
        }

        return nearest;
    }

    /// <summary>Full speed along (dx, dy); on the spot (a runner exactly on "it"), to the right.</summary>
    private static (int MoveX, int MoveY) Toward(int dx, int dy)
    {
        long longest = Math.Max(Math.Abs((long)dx), Math.Abs((long)dy));
        return longest == 0 ? (MaxAxis, 0) : ((int)(dx * MaxAxis / longest), (int)(dy * MaxAxis / longest));
    }
}
