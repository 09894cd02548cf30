using System.Text;

namespace GameServer.Protocol.Schema;

/// <remarks>The bin's lists (docs/netcode-v2.md, "Delta state"), read into the new world <see cref="_next"/>.</remarks>
public sealed partial class SchemaStateReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Marks the base's removed entities: ascending indices as gaps.</summary>
    private void ReadRemoved(ref BitReader bits, int baseCount)
    {
        if (_removed.Length < baseCount)
        {
            _removed = new bool[Math.Max(baseCount, _removed.Length * 2)];
        }

        Array.Clear(_removed, 0, baseCount);
        int count = ReadCount(ref bits);
        for (int k = 0, index = -1; k < count; k++)
        {
            index = ReadIndex(ref bits, index, baseCount);
            _removed[index] = true;
        }
    }

    /// <summary>
    /// Copies the base's surviving entities into the new world, each predicted (a field advances by its velocity) and
    /// then corrected where the changed list says so.
    /// </summary>
    private void ApplyChanged(ref BitReader bits, SchemaWorld world, long elapsed)
    {
        int count = ReadCount(ref bits);
        int nextChanged = count > 0 ? ReadIndex(ref bits, -1, world.Count) : -1;
        for (int i = 0; i < world.Count; i++)
        {
            if (_removed[i])
            {
                if (i == nextChanged)
                {
                    MalformedFrameException.Throw("A delta changes an entity it removes.");
                }

                continue;
            }

            int kind = world.KindAt(i);
            int index = _next.AddUnchecked(world.Ids[i], kind, world.NameAt(i));
            ReadOnlySpan<int> before = world.ValuesAt(i);
            Span<int> after = _next.ValuesAt(index);
            ReadOnlySpan<int> fields = _schema.FieldsOf(kind);
            bool changed = i == nextChanged;
            ulong mask = changed ? (ulong)bits.Read(Math.Max(0, fields.Length - 32)) << 32 | bits.Read(Math.Min(32, fields.Length)) : 0;
            for (int k = 0; k < fields.Length; k++)
            {
                int f = fields[k];
                int predicted = Prediction.Of(_schema, kind, f, before, after, elapsed);
                after[f] = (mask & (1UL << (fields.Length - 1 - k))) == 0 ? predicted : ReadChangedValue(ref bits, f, predicted);
            }

            if (changed)
            {
                nextChanged = --count > 0 ? ReadIndex(ref bits, nextChanged, world.Count) : -1;
            }
        }
    }

    private int ReadChangedValue(ref BitReader bits, int field, int predicted)
    {
        ref readonly FieldLayout layout = ref _schema.LayoutOf(field);
        return layout.Prediction == FieldPrediction.None ? ReadAbsolute(ref bits, layout) : layout.Wrap(predicted + bits.ReadSigned());
    }

    /// <summary>Appends a list of spawned entities, ids ascending as gaps, to the new world.</summary>
    private void ReadSpawnedList(ref BitReader bits)
    {
        int count = ReadCount(ref bits);
        long previousId = -1;
        for (int k = 0; k < count; k++)
        {
            ReadSpawned(ref bits, ref previousId);
        }
    }

    private void ReadSpawned(ref BitReader bits, ref long previousId)
    {
        long id = previousId + 1 + bits.ReadVar();
        if (id > uint.MaxValue)
        {
            MalformedFrameException.Throw("An entity id is above 2^32 - 1.");
        }

        if (_next.Count >= ProtocolConstants.MaxEntities)
        {
            MalformedFrameException.Throw("A world may hold at most 8192 entities.");
        }

        previousId = id;
        int kind = (int)bits.Read(_schema.KindBits);
        if (kind >= _schema.Kinds.Count)
        {
            MalformedFrameException.Throw("Unknown entity kind.");
        }

        string? name = _schema.Kinds[kind].HasName ? ReadName(ref bits) : null;
        Span<int> values = _next.ValuesAt(_next.AddUnchecked((uint)id, kind, name));
        foreach (int f in _schema.FieldsOf(kind))
        {
            values[f] = ReadAbsolute(ref bits, _schema.LayoutOf(f));
        }
    }

    /// <summary>
    /// Puts spawned entities (appended in id order after the survivors) in their places. Ids are issued ascending, so a
    /// spawn is almost always above every survivor and this is not reached; when it is, insertion keeps it allocation-free.
    /// </summary>
    private void MergeSpawned(int survivors)
    {
        for (int j = survivors; j < _next.Count; j++)
        {
            // [0, j) is sorted: the survivors, and the spawns already put in place.
            int at = _next.Ids[..j].BinarySearch(_next.Ids[j]);
            if (at >= 0)
            {
                MalformedFrameException.Throw("A delta spawns an entity that its base still holds.");
            }

            if (~at < j)
            {
                _next.MoveDown(j, ~at);
            }
        }
    }

    private static int ReadAbsolute(ref BitReader bits, in FieldLayout layout)
    {
        uint offset = bits.Read(layout.Width);
        if (offset >= layout.Range)
        {
            MalformedFrameException.Throw("A value is outside its field's range.");
        }

        return (int)(layout.Min + offset);
    }

    private static string ReadName(ref BitReader bits)
    {
        uint length = bits.ReadVar();
        if (length > MaxNameBytes)
        {
            MalformedFrameException.Throw("A name is over 64 bytes.");
        }

        Span<byte> utf8 = stackalloc byte[MaxNameBytes];
        for (int k = 0; k < length; k++)
        {
            utf8[k] = (byte)bits.Read(8);
        }

        return s_strictUtf8.GetString(utf8[..(int)length]);
    }

    private static int ReadCount(ref BitReader bits)
    {
        uint count = bits.ReadVar();
        if (count > ProtocolConstants.MaxEntities)
        {
            MalformedFrameException.Throw("A list may hold at most 8192 entities.");
        }

        return (int)count;
    }

    /// <summary>The next index of an ascending list into the base: a gap after the previous one, and inside the base.</summary>
    private static int ReadIndex(ref BitReader bits, int previous, int baseCount)
    {
        long index = previous + 1L + bits.ReadVar();
        if (index >= baseCount)
        {
            MalformedFrameException.Throw("A delta refers past the end of its base.");
        }

        return (int)index;
    }
}
