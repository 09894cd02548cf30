using GameServer.Arena.Wire;
using GameServer.Protocol;

namespace GameServer.Benchmarks;

/// <summary>
/// Two successive worlds of a busy Arena tick: every entity moves, some players lose health or score, two entities are
/// removed and two spawned. Shared by the v1 and v2 delta benchmarks, so that both encode the same change.
/// </summary>
internal static class BusyTick
{
    public static void Create(int entities, WorldState previous, WorldState current)
    {
        previous.Clear();
        previous.Tick = 1000;
        previous.Phase = MatchPhase.Running;
        previous.PhaseTicksLeft = 9000;
        for (uint id = 1; id <= entities; id++)
        {
            previous.Append(new EntityState
            {
                Id = id, Kind = id % 2 == 0 ? EntityKind.Player : EntityKind.Projectile, Name = id % 2 == 0 ? "player" + id : null,
                X = (int)(id * 97 % 32000), Y = (int)(id * 61 % 19000), Vx = 40, Vy = -12, Aim = (ushort)(id * 1000), Health = 100,
                Flags = EntityFlags.Alive, LastInputSequence = id * 10,
            });
        }

        current.CopyFrom(previous);
        current.Tick++;
        current.PhaseTicksLeft--;
        foreach (ref EntityState e in current.EntitiesMutable)
        {
            e.X += e.Vx;
            e.Y += e.Vy;
            if (e.Kind == EntityKind.Player)
            {
                e.LastInputSequence++;
                if (e.Id % 8 == 0) e.Health -= 20;
                if (e.Id % 16 == 0) e.Score += 10;
            }
        }

        current.RemoveAt(0);
        current.RemoveAt(0);
        current.Append(new EntityState { Id = (uint)entities + 1, Kind = EntityKind.Projectile, X = 100, Y = 100, Vx = 300, Aux = 2 });
        current.Append(new EntityState { Id = (uint)entities + 2, Kind = EntityKind.Projectile, X = 200, Y = 100, Vx = -300, Aux = 4 });
    }
}
