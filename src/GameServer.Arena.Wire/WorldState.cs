namespace GameServer.Arena.Wire;

/// <summary>
/// The whole quantized world of one match at one tick: the unit that snapshots carry and deltas transform.
/// Entities are kept sorted by id, so two worlds are compared in one merge walk. Reused, never reallocated
/// once large enough.
/// </summary>
public sealed class WorldState
{
    private EntityState[] _entities;
    private int _count;

    public WorldState(int capacity = 64)
    {
        _entities = new EntityState[Math.Max(capacity, 4)];
    }

    public uint Tick { get; set; }

    public MatchPhase Phase { get; set; }

    /// <summary>Ticks until the phase changes by itself (countdown, time limit, end screen); 0 when none is due.</summary>
    public uint PhaseTicksLeft { get; set; }

    public int Count => _count;

    /// <summary>The entities in ascending id order.</summary>
    public ReadOnlySpan<EntityState> Entities => new(_entities, 0, _count);

    /// <summary>The entities in ascending id order, writable in place (ids must stay as they are).</summary>
    public Span<EntityState> EntitiesMutable => new(_entities, 0, _count);

    public void Clear()
    {
        Array.Clear(_entities, 0, _count);
        _count = 0;
        Tick = 0;
        Phase = MatchPhase.Waiting;
        PhaseTicksLeft = 0;
    }

    /// <summary>Adds an entity whose id is above every id already present (the order ids are issued in).</summary>
    public void Append(in EntityState entity)
    {
        if (_count > 0 && entity.Id <= _entities[_count - 1].Id)
        {
            throw new InvalidOperationException($"Entity {entity.Id} is not above the last id {_entities[_count - 1].Id}.");
        }

        Grow();
        _entities[_count++] = entity;
    }

    /// <summary>Adds an entity at its place in id order.</summary>
    /// <returns>False when an entity with that id is already present.</returns>
    public bool Insert(in EntityState entity)
    {
        int index = IndexOf(entity.Id);
        if (index >= 0)
        {
            return false;
        }

        index = ~index;
        Grow();
        Array.Copy(_entities, index, _entities, index + 1, _count - index);
        _entities[index] = entity;
        _count++;
        return true;
    }

    /// <summary>Removes the entity with this id.</summary>
    /// <returns>False when none has it.</returns>
    public bool Remove(uint id)
    {
        int index = IndexOf(id);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    public void RemoveAt(int index)
    {
        _count--;
        Array.Copy(_entities, index + 1, _entities, index, _count - index);
        _entities[_count] = default;
    }

    /// <summary>Binary search by id: the index, or the bitwise complement of where it would go.</summary>
    public int IndexOf(uint id)
    {
        int lo = 0;
        int hi = _count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            uint midId = _entities[mid].Id;
            if (midId == id)
            {
                return mid;
            }

            if (midId < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>The entity with this id, by reference, for in-place updates.</summary>
    public ref EntityState Get(uint id)
    {
        int index = IndexOf(id);
        if (index < 0)
        {
            throw new KeyNotFoundException($"No entity {id}.");
        }

        return ref _entities[index];
    }

    /// <summary>Makes this world an exact copy of another, reusing its storage.</summary>
    public void CopyFrom(WorldState other)
    {
        if (_entities.Length < other._count)
        {
            _entities = new EntityState[other._entities.Length];
        }
        else
        {
            Array.Clear(_entities, other._count, Math.Max(0, _count - other._count));
        }

        Array.Copy(other._entities, _entities, other._count);
        _count = other._count;
        Tick = other.Tick;
        Phase = other.Phase;
        PhaseTicksLeft = other.PhaseTicksLeft;
    }

    /// <summary>Whether two worlds are equal in every field of every entity.</summary>
    public bool ContentEquals(WorldState other)
    {
        if (Tick != other.Tick || Phase != other.Phase || PhaseTicksLeft != other.PhaseTicksLeft || _count != other._count)
        {
            return false;
        }

        for (int i = 0; i < _count; i++)
        {
            if (!EntityState.AreEqual(_entities[i], other._entities[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A 64-bit FNV-1a hash of every field: equal worlds hash equal, on every platform.</summary>
    public ulong ComputeHash()
    {
        var hash = new StateHash();
        hash.Add(Tick);
        hash.Add((uint)Phase);
        hash.Add(PhaseTicksLeft);
        foreach (ref readonly EntityState e in Entities)
        {
            hash.Add(e.Id);
            hash.Add((uint)e.Kind);
            hash.Add(e.Name);
            hash.Add((uint)e.X);
            hash.Add((uint)e.Y);
            hash.Add((uint)e.Vx);
            hash.Add((uint)e.Vy);
            hash.Add(e.Aim);
            hash.Add((uint)e.Health);
            hash.Add((uint)e.Score);
            hash.Add((uint)e.Flags);
            hash.Add(e.LastInputSequence);
            hash.Add(e.Aux);
        }

        return hash.Value;
    }

    private void Grow()
    {
        if (_count == _entities.Length)
        {
            Array.Resize(ref _entities, _entities.Length * 2);
        }
    }
}
