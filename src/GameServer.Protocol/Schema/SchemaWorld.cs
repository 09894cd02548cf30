namespace GameServer.Protocol.Schema;

/// <summary>
/// A world of any game, as its <see cref="GameSchema"/> lays it out: the host's match lifecycle (tick, phase) and the
/// entities in ascending id order, each with a kind, an optional name and one int per schema field in a flat array
/// (row i at i × <see cref="Stride"/>; fields its kind lacks stay 0). Reused, never reallocated once large enough.
/// </summary>
public sealed class SchemaWorld
{
    private uint[] _ids;
    private byte[] _kinds;
    private string?[] _names;
    private int[] _values;

    public SchemaWorld(GameSchema schema, int capacity = 64)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Stride = schema.Fields.Count;
        capacity = Math.Max(capacity, 4);
        _ids = new uint[capacity];
        _kinds = new byte[capacity];
        _names = new string?[capacity];
        _values = new int[capacity * Stride];
    }

    public GameSchema Schema { get; }

    /// <summary>Values per entity: the schema's field count.</summary>
    public int Stride { get; }

    public uint Tick { get; set; }

    public MatchPhase Phase { get; set; }

    /// <summary>Ticks until the phase changes by itself; 0 when none is due.</summary>
    public uint PhaseTicksLeft { get; set; }

    public int Count { get; private set; }

    /// <summary>The entities' ids, ascending.</summary>
    public ReadOnlySpan<uint> Ids => new(_ids, 0, Count);

    public int KindAt(int index) => _kinds[index];

    public string? NameAt(int index) => _names[index];

    /// <summary>The values of the entity at <paramref name="index"/>, one per schema field, writable in place.</summary>
    public Span<int> ValuesAt(int index) => new(_values, index * Stride, Stride);

    public void Clear()
    {
        Array.Clear(_names, 0, Count);
        Count = 0;
        Tick = 0;
        Phase = MatchPhase.Waiting;
        PhaseTicksLeft = 0;
    }

    /// <summary>Appends an entity above every id present, with all values 0, and returns its index.</summary>
    /// <exception cref="ArgumentException">The id is not above the last, the kind is unknown, or the name does not match the kind.</exception>
    public int Add(uint id, int kind, string? name = null)
    {
        if (Count > 0 && id <= _ids[Count - 1])
        {
            throw new ArgumentException($"Entity {id} is not above the last id {_ids[Count - 1]}.", nameof(id));
        }

        if ((uint)kind >= (uint)Schema.Kinds.Count)
        {
            throw new ArgumentException($"Kind {kind} is not declared by the schema.", nameof(kind));
        }

        if (Schema.Kinds[kind].HasName != name is not null)
        {
            throw new ArgumentException($"Kind '{Schema.Kinds[kind].Name}' {(name is null ? "needs a name" : "has no name")}.", nameof(name));
        }

        return AddUnchecked(id, kind, name);
    }

    /// <summary>Binary search by id: the index, or the bitwise complement of where it would go.</summary>
    public int IndexOf(uint id)
    {
        int lo = 0;
        int hi = Count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (_ids[mid] == id)
            {
                return mid;
            }

            if (_ids[mid] < id)
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

    /// <summary>Makes this world an exact copy of another of the same schema, reusing its storage.</summary>
    public void CopyFrom(SchemaWorld other)
    {
        RequireSameSchema(other);
        Clear();
        EnsureCapacity(other.Count);
        Array.Copy(other._ids, _ids, other.Count);
        Array.Copy(other._kinds, _kinds, other.Count);
        Array.Copy(other._names, _names, other.Count);
        Array.Copy(other._values, _values, other.Count * Stride);
        Count = other.Count;
        Tick = other.Tick;
        Phase = other.Phase;
        PhaseTicksLeft = other.PhaseTicksLeft;
    }

    /// <summary>Whether two worlds are equal in every field of every entity.</summary>
    public bool ContentEquals(SchemaWorld other)
    {
        if (Tick != other.Tick || Phase != other.Phase || PhaseTicksLeft != other.PhaseTicksLeft || Count != other.Count || Stride != other.Stride)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (_ids[i] != other._ids[i] || _kinds[i] != other._kinds[i] || !string.Equals(_names[i], other._names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return _values.AsSpan(0, Count * Stride).SequenceEqual(other._values.AsSpan(0, Count * Stride));
    }

    /// <summary>Appends without the order and name checks: the decoder checks order itself and reads names it validated.</summary>
    internal int AddUnchecked(uint id, int kind, string? name)
    {
        EnsureCapacity(Count + 1);
        int index = Count++;
        _ids[index] = id;
        _kinds[index] = (byte)kind;
        _names[index] = name;
        _values.AsSpan(index * Stride, Stride).Clear();
        return index;
    }

    /// <summary>Exchanges the entities and lifecycle of two worlds of one schema: how a decoder publishes the world it built.</summary>
    internal void SwapWith(SchemaWorld other)
    {
        RequireSameSchema(other);
        (_ids, other._ids) = (other._ids, _ids);
        (_kinds, other._kinds) = (other._kinds, _kinds);
        (_names, other._names) = (other._names, _names);
        (_values, other._values) = (other._values, _values);
        (Count, other.Count) = (other.Count, Count);
        (Tick, other.Tick) = (other.Tick, Tick);
        (Phase, other.Phase) = (other.Phase, Phase);
        (PhaseTicksLeft, other.PhaseTicksLeft) = (other.PhaseTicksLeft, PhaseTicksLeft);
    }

    /// <summary>Moves the entity at <paramref name="from"/> to <paramref name="to"/> (below it), shifting those between up by one.</summary>
    internal void MoveDown(int from, int to)
    {
        uint id = _ids[from];
        byte kind = _kinds[from];
        string? name = _names[from];
        Span<int> row = stackalloc int[Stride];
        ValuesAt(from).CopyTo(row);
        Array.Copy(_ids, to, _ids, to + 1, from - to);
        Array.Copy(_kinds, to, _kinds, to + 1, from - to);
        Array.Copy(_names, to, _names, to + 1, from - to);
        Array.Copy(_values, to * Stride, _values, (to + 1) * Stride, (from - to) * Stride);
        _ids[to] = id;
        _kinds[to] = kind;
        _names[to] = name;
        row.CopyTo(ValuesAt(to));
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _ids.Length)
        {
            return;
        }

        int capacity = Math.Max(count, _ids.Length * 2);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _kinds, capacity);
        Array.Resize(ref _names, capacity);
        Array.Resize(ref _values, capacity * Stride);
    }

    private void RequireSameSchema(SchemaWorld other)
    {
        if (!ReferenceEquals(other.Schema, Schema))
        {
            throw new ArgumentException("The worlds are of different schemas.", nameof(other));
        }
    }
}
