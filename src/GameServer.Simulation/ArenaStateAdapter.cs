using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>
/// Copies Arena's <see cref="WorldState"/> to and from the generic <see cref="SchemaWorld"/> of
/// <see cref="ArenaSchema"/>, without allocating once the world is sized. Arena's one Aux field becomes the field its
/// kind has (kills, owner, pickup); <see cref="EntityState.LastInputSequence"/> is not carried.
/// </summary>
public static class ArenaStateAdapter
{
    /// <summary>Makes <paramref name="target"/> hold <paramref name="source"/>'s state.</summary>
    public static void ToSchema(WorldState source, SchemaWorld target)
    {
        target.Clear();
        target.Tick = source.Tick;
        target.Phase = source.Phase;
        target.PhaseTicksLeft = source.PhaseTicksLeft;
        foreach (ref readonly EntityState e in source.Entities)
        {
            Span<int> v = target.ValuesAt(target.Add(e.Id, (int)e.Kind - 1, e.Name));
            v[ArenaSchema.X] = e.X;
            v[ArenaSchema.Y] = e.Y;
            switch (e.Kind)
            {
                case EntityKind.Player:
                    SetMotion(v, e);
                    v[ArenaSchema.Health] = e.Health;
                    v[ArenaSchema.Score] = e.Score;
                    v[ArenaSchema.Flags] = (int)e.Flags;
                    v[ArenaSchema.Kills] = (int)e.Aux;
                    break;
                case EntityKind.Projectile:
                    SetMotion(v, e);
                    v[ArenaSchema.Owner] = (int)e.Aux;
                    break;
                default:
                    v[ArenaSchema.Pickup] = (int)e.Aux;
                    break;
            }
        }
    }

    /// <summary>Makes <paramref name="target"/> hold <paramref name="source"/>'s state; last input sequences are 0.</summary>
    public static void ToArena(SchemaWorld source, WorldState target)
    {
        target.Clear();
        target.Tick = source.Tick;
        target.Phase = source.Phase;
        target.PhaseTicksLeft = source.PhaseTicksLeft;
        for (int i = 0; i < source.Count; i++)
        {
            ReadOnlySpan<int> v = source.ValuesAt(i);
            var kind = (EntityKind)(source.KindAt(i) + 1);
            var e = new EntityState { Id = source.Ids[i], Kind = kind, Name = source.NameAt(i), X = v[ArenaSchema.X], Y = v[ArenaSchema.Y] };
            if (kind != EntityKind.Pickup)
            {
                e.Vx = v[ArenaSchema.Vx];
                e.Vy = v[ArenaSchema.Vy];
                e.Aim = (ushort)v[ArenaSchema.Aim];
            }

            if (kind == EntityKind.Player)
            {
                e.Health = v[ArenaSchema.Health];
                e.Score = v[ArenaSchema.Score];
                e.Flags = (EntityFlags)v[ArenaSchema.Flags];
            }

            e.Aux = (uint)v[kind switch { EntityKind.Player => ArenaSchema.Kills, EntityKind.Projectile => ArenaSchema.Owner, _ => ArenaSchema.Pickup }];
            target.Append(e);
        }
    }

    private static void SetMotion(Span<int> v, in EntityState e)
    {
        v[ArenaSchema.Vx] = e.Vx;
        v[ArenaSchema.Vy] = e.Vy;
        v[ArenaSchema.Aim] = e.Aim;
    }
}
