using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

/// <summary>Random worlds and random successors of them, where entities spawn, change and die: the delta's domain.</summary>
internal sealed class RandomWorlds(int seed)
{
    private readonly Random _random = new(seed);
    private uint _nextId = 1;

    public WorldState Create(int entities)
    {
        var world = new WorldState { Tick = (uint)_random.Next(0, 1_000_000), Phase = RandomPhase(), PhaseTicksLeft = (uint)_random.Next(0, 10_000) };
        for (int i = 0; i < entities; i++)
        {
            world.Append(NewEntity());
        }

        return world;
    }

    /// <summary>The world one tick later: some entities removed, some changed in random fields, some spawned.</summary>
    public WorldState Next(WorldState previous)
    {
        var next = new WorldState();
        next.CopyFrom(previous);
        next.Tick = previous.Tick + 1;
        if (_random.Next(4) == 0) next.Phase = RandomPhase();
        next.PhaseTicksLeft = (uint)_random.Next(0, 10_000);

        for (int i = next.Count - 1; i >= 0; i--)
        {
            if (_random.Next(8) == 0)
            {
                next.RemoveAt(i);
            }
        }

        foreach (ref EntityState e in next.EntitiesMutable)
        {
            if (_random.Next(3) == 0) continue;
            if (_random.Next(2) == 0) e.X = RandomInt();
            if (_random.Next(2) == 0) e.Y = RandomInt();
            if (_random.Next(3) == 0) e.Vx = RandomInt();
            if (_random.Next(3) == 0) e.Vy = RandomInt();
            if (_random.Next(3) == 0) e.Aim = (ushort)_random.Next(0, 65536);
            if (_random.Next(5) == 0) e.Health = _random.Next(0, 101);
            if (_random.Next(5) == 0) e.Score = RandomInt();
            if (_random.Next(5) == 0) e.Flags = (EntityFlags)_random.Next(0, 4);
            if (_random.Next(3) == 0) e.LastInputSequence = (uint)_random.NextInt64(0, uint.MaxValue + 1L);
            if (_random.Next(8) == 0) e.Aux = (uint)_random.NextInt64(0, uint.MaxValue + 1L);
        }

        int spawned = _random.Next(0, 5);
        for (int i = 0; i < spawned; i++)
        {
            next.Append(NewEntity());
        }

        return next;
    }

    private EntityState NewEntity()
    {
        var kind = (EntityKind)_random.Next(1, 4);
        _nextId += (uint)_random.Next(1, 4);
        return new EntityState
        {
            Id = _nextId,
            Kind = kind,
            Name = kind == EntityKind.Player ? "p" + _nextId : null,
            X = RandomInt(),
            Y = RandomInt(),
            Vx = RandomInt(),
            Vy = RandomInt(),
            Aim = (ushort)_random.Next(0, 65536),
            Health = _random.Next(0, 101),
            Score = RandomInt(),
            Flags = (EntityFlags)_random.Next(0, 4),
            LastInputSequence = (uint)_random.NextInt64(0, uint.MaxValue + 1L),
            Aux = (uint)_random.Next(0, 1000),
        };
    }

    // Mostly small values, sometimes the extremes: both ends of every MessagePack integer encoding get exercised.
    private int RandomInt() => _random.Next(10) switch
    {
        0 => int.MinValue,
        1 => int.MaxValue,
        2 => _random.Next(int.MinValue, int.MaxValue),
        _ => _random.Next(-40_000, 40_000),
    };

    private MatchPhase RandomPhase() => (MatchPhase)_random.Next(0, 4);
}
