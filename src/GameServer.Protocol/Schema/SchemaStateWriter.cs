using System.Buffers;
using System.Text;
using MessagePack;

namespace GameServer.Protocol.Schema;

/// <summary>
/// Writes v2 snapshots <c>[17, tick, phase, phaseTicksLeft, bin, ack]</c> and deltas
/// <c>[18, baseTick, tick, phase, phaseTicksLeft, bin, ack]</c> of worlds of one schema (docs/netcode-v2.md), the ack
/// optional. The bin holds removed, changed and spawned entities, bit-packed. With an ack the frame ends in its 5 bytes
/// (a MessagePack uint32), so a server encodes a tick once and writes each player's own ack over the last 4. Reuses its buffers: no allocation per frame once sized. Not
/// thread-safe: one writer per tick loop.
/// </summary>
public sealed class SchemaStateWriter
{
    private readonly GameSchema _schema;
    private readonly BitWriter _bits = new();
    private int[] _removed = new int[16];
    private ChangedEntity[] _changed = new ChangedEntity[64];
    private int[] _spawned = new int[16];

    public SchemaStateWriter(GameSchema schema)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
    }

    /// <summary>Bytes an acknowledgement takes at the end of a frame: a MessagePack uint32, always 5 so every player's frame has one length.</summary>
    public const int AckBytes = 5;

    /// <exception cref="ArgumentException">The world is of another schema, or holds a value outside its field's range.</exception>
    public void WriteSnapshot(IBufferWriter<byte> output, SchemaWorld world) => WriteSnapshot(output, world, null);

    /// <summary>Writes a snapshot ending in the player's last applied input sequence, <paramref name="ack"/>.</summary>
    /// <exception cref="ArgumentException">The world is of another schema, or holds a value outside its field's range.</exception>
    public void WriteSnapshot(IBufferWriter<byte> output, SchemaWorld world, uint ack) => WriteSnapshot(output, world, (uint?)ack);

    /// <summary>Writes the delta that takes <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException">As <see cref="WriteDelta(IBufferWriter{byte}, SchemaWorld, SchemaWorld, uint)"/>.</exception>
    public void WriteDelta(IBufferWriter<byte> output, SchemaWorld from, SchemaWorld to) => WriteDelta(output, from, to, null);

    /// <summary>Writes the delta that takes <paramref name="from"/> to <paramref name="to"/>, ending in the player's <paramref name="ack"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A world is of another schema, holds a value outside its field's range, or <paramref name="to"/>'s tick is not 0 to
    /// <see cref="SchemaStateReader.MaxDeltaTicks"/> ticks after <paramref name="from"/>'s.
    /// </exception>
    public void WriteDelta(IBufferWriter<byte> output, SchemaWorld from, SchemaWorld to, uint ack) => WriteDelta(output, from, to, (uint?)ack);

    private void WriteSnapshot(IBufferWriter<byte> output, SchemaWorld world, uint? ack)
    {
        RequireSchema(world);
        _bits.Reset();
        _bits.WriteVar((uint)world.Count);
        long previousId = -1;
        for (int i = 0; i < world.Count; i++)
        {
            WriteSpawned(world, i, ref previousId);
        }

        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(ack is null ? 5 : 6);
        writer.Write((byte)MessageType.Snapshot);
        writer.Write(world.Tick);
        WriteTail(ref writer, world, ack);
    }

    private void WriteDelta(IBufferWriter<byte> output, SchemaWorld from, SchemaWorld to, uint? ack)
    {
        RequireSchema(from);
        RequireSchema(to);
        if (to.Tick < from.Tick || to.Tick - from.Tick > SchemaStateReader.MaxDeltaTicks)
        {
            throw new ArgumentException($"A delta spans 0 to {SchemaStateReader.MaxDeltaTicks} ticks; {from.Tick} to {to.Tick} does not.", nameof(to));
        }

        Compare(from, to, out int removed, out int changed, out int spawned);
        long elapsed = to.Tick - from.Tick;

        _bits.Reset();
        _bits.WriteVar((uint)removed);
        for (int k = 0, previous = -1; k < removed; previous = _removed[k++])
        {
            _bits.WriteVar((uint)(_removed[k] - previous - 1));
        }

        _bits.WriteVar((uint)changed);
        for (int k = 0, previous = -1; k < changed; previous = _changed[k++].From)
        {
            _bits.WriteVar((uint)(_changed[k].From - previous - 1));
            WriteChanged(from, to, _changed[k], elapsed);
        }

        _bits.WriteVar((uint)spawned);
        long previousId = -1;
        for (int k = 0; k < spawned; k++)
        {
            WriteSpawned(to, _spawned[k], ref previousId);
        }

        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(ack is null ? 6 : 7);
        writer.Write((byte)MessageType.Delta);
        writer.Write(from.Tick);
        writer.Write(to.Tick);
        WriteTail(ref writer, to, ack);
    }

    private void WriteTail(ref MessagePackWriter writer, SchemaWorld world, uint? ack)
    {
        writer.Write((byte)world.Phase);
        writer.Write(world.PhaseTicksLeft);
        _bits.Flush();
        writer.Write(_bits.Written);
        if (ack is uint value)
        {
            // Always 0xce and 4 bytes: the fixed width is what lets the frame be shared and the ack patched per player.
            writer.WriteUInt32(value);
        }

        writer.Flush();
    }

    /// <summary>One merge walk by id: which base entities went, which stayed and changed (with their masks), which came.</summary>
    private void Compare(SchemaWorld from, SchemaWorld to, out int removed, out int changed, out int spawned)
    {
        removed = changed = spawned = 0;
        EnsureCapacity(from.Count, to.Count);
        ReadOnlySpan<uint> a = from.Ids;
        ReadOnlySpan<uint> b = to.Ids;
        long elapsed = to.Tick - from.Tick;
        int i = 0;
        int j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i] < b[j]))
            {
                _removed[removed++] = i++;
            }
            else if (i == a.Length || b[j] < a[i])
            {
                _spawned[spawned++] = j++;
            }
            else if (from.KindAt(i) != to.KindAt(j) || !string.Equals(from.NameAt(i), to.NameAt(j), StringComparison.Ordinal))
            {
                // Kind and name never change on the wire: an entity that changed either is sent as gone and new.
                _removed[removed++] = i++;
                _spawned[spawned++] = j++;
            }
            else
            {
                ulong mask = ChangeMask(from.ValuesAt(i), to.ValuesAt(j), to.KindAt(j), elapsed);
                if (mask != 0)
                {
                    _changed[changed++] = new ChangedEntity(i, j, mask);
                }

                i++;
                j++;
            }
        }
    }

    /// <summary>One bit per field of the kind, the first field in the highest bit: set where the value is not the prediction.</summary>
    private ulong ChangeMask(ReadOnlySpan<int> before, ReadOnlySpan<int> after, int kind, long elapsed)
    {
        ulong mask = 0;
        foreach (int f in _schema.FieldsOf(kind))
        {
            mask = (mask << 1) | (after[f] != Prediction.Of(_schema, kind, f, before, after, elapsed) ? 1u : 0u);
        }

        return mask;
    }

    private void WriteChanged(SchemaWorld from, SchemaWorld to, in ChangedEntity entity, long elapsed)
    {
        int kind = to.KindAt(entity.To);
        ReadOnlySpan<int> fields = _schema.FieldsOf(kind);
        _bits.Write((uint)(entity.Mask >> 32), Math.Max(0, fields.Length - 32));
        _bits.Write((uint)entity.Mask, Math.Min(32, fields.Length));
        ReadOnlySpan<int> before = from.ValuesAt(entity.From);
        ReadOnlySpan<int> after = to.ValuesAt(entity.To);
        for (int k = 0; k < fields.Length; k++)
        {
            if ((entity.Mask & (1UL << (fields.Length - 1 - k))) == 0)
            {
                continue;
            }

            int f = fields[k];
            ref readonly FieldLayout layout = ref _schema.LayoutOf(f);
            RequireInRange(layout, after[f], f);
            if (layout.Prediction == FieldPrediction.None)
            {
                _bits.Write((uint)(after[f] - layout.Min), layout.Width);
            }
            else
            {
                _bits.WriteSigned(layout.Residual(after[f], Prediction.Of(_schema, kind, f, before, after, elapsed)));
            }
        }
    }

    private void WriteSpawned(SchemaWorld world, int index, ref long previousId)
    {
        uint id = world.Ids[index];
        _bits.WriteVar((uint)(id - previousId - 1));
        previousId = id;
        int kind = world.KindAt(index);
        _bits.Write((uint)kind, _schema.KindBits);
        if (world.NameAt(index) is string name)
        {
            WriteName(name);
        }

        ReadOnlySpan<int> values = world.ValuesAt(index);
        foreach (int f in _schema.FieldsOf(kind))
        {
            ref readonly FieldLayout layout = ref _schema.LayoutOf(f);
            RequireInRange(layout, values[f], f);
            _bits.Write((uint)(values[f] - layout.Min), layout.Width);
        }
    }

    private void WriteName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) > SchemaStateReader.MaxNameBytes)
        {
            throw new ArgumentException($"Name '{name}' is over {SchemaStateReader.MaxNameBytes} bytes of UTF-8.", nameof(name));
        }

        Span<byte> utf8 = stackalloc byte[SchemaStateReader.MaxNameBytes];
        int length = Encoding.UTF8.GetBytes(name.AsSpan(), utf8);
        _bits.WriteVar((uint)length);
        foreach (byte b in utf8[..length])
        {
            _bits.Write(b, 8);
        }
    }

    private void RequireInRange(in FieldLayout layout, int value, int field)
    {
        if (value < layout.Min || value - (long)layout.Min >= layout.Range)
        {
            SchemaField f = _schema.Fields[field];
            throw new ArgumentException($"Field '{f.Name}' is {value}, outside its range {f.Min}..{f.Max}.");
        }
    }

    private void RequireSchema(SchemaWorld world)
    {
        if (!ReferenceEquals(world.Schema, _schema))
        {
            throw new ArgumentException("The world is of another schema than the writer's.", nameof(world));
        }
    }

    private void EnsureCapacity(int from, int to)
    {
        if (_removed.Length < from)
        {
            _removed = new int[Math.Max(from, _removed.Length * 2)];
        }

        if (_changed.Length < to)
        {
            _changed = new ChangedEntity[Math.Max(to, _changed.Length * 2)];
        }

        if (_spawned.Length < to)
        {
            _spawned = new int[Math.Max(to, _spawned.Length * 2)];
        }
    }

    private readonly record struct ChangedEntity(int From, int To, ulong Mask);
}
