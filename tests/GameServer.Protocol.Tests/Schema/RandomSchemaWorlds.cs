using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>
/// Random schemas and random world sequences on them, biased to the edges: ranges of 0, 1 and 32 bits, wrapping ones,
/// values at min, max, 0 and the wrap point, values exactly as predicted and just off, ids at 0 and 2^32 - 1, spawns
/// below surviving ids, an id reused with another kind, names of every length up to the limit.
/// </summary>
internal sealed class RandomSchemaWorlds(int seed)
{
    private static readonly (int Min, int Max)[] s_ranges =
    [
        (int.MinValue, int.MaxValue), (0, 1), (-1, 0), (5, 5), (0, 65535), (-480, 480), (int.MinValue, int.MinValue + 2),
        (int.MaxValue - 3, int.MaxValue), (0, 31999), (-8, 7), (1, 2),
    ];

    private static readonly string[] s_names = ["", "a", "Ada", "日本語の名前", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public GameSchema NextSchema()
    {
        var kinds = new SchemaKind[_random.Next(1, 5)];
        for (int k = 0; k < kinds.Length; k++)
        {
            kinds[k] = new SchemaKind("k" + k, HasName: _random.Next(2) == 0);
        }

        var fields = new SchemaField[_random.Next(0, 12)];
        for (int f = 0; f < fields.Length; f++)
        {
            (int min, int max) = _random.Next(4) == 0 ? RandomRange() : s_ranges[_random.Next(s_ranges.Length)];
            var prediction = (FieldPrediction)_random.Next(3);
            string? velocity = null;
            if (prediction == FieldPrediction.Velocity)
            {
                if (f == 0)
                {
                    prediction = FieldPrediction.Previous;
                }
                else
                {
                    velocity = "f" + _random.Next(f);
                }
            }

            var fieldKinds = kinds.Where(_ => _random.Next(2) == 0).Select(k => k.Name).ToList();
            if (fieldKinds.Count == 0)
            {
                fieldKinds.Add(kinds[_random.Next(kinds.Length)].Name);
            }

            fields[f] = new SchemaField("f" + f, min, max, fieldKinds, Wrap: _random.Next(3) == 0, Prediction: prediction, VelocityField: velocity);
        }

        return new GameSchema("random", 1, kinds, fields, [new InputField("i", -1, 1)]);
    }

    public SchemaWorld NextWorld(GameSchema schema, int entities)
    {
        var world = new SchemaWorld(schema) { Tick = (uint)_random.Next(0, 1_000_000), Phase = (MatchPhase)_random.Next(4) };
        var ids = new SortedSet<uint>();
        if (_random.Next(4) == 0) ids.Add(0);
        if (_random.Next(4) == 0) ids.Add(uint.MaxValue);
        while (ids.Count < entities)
        {
            ids.Add(_random.Next(3) == 0 ? (uint)_random.NextInt64(0, uint.MaxValue + 1L) : (uint)_random.Next(1, 4 * entities + 2));
        }

        foreach (uint id in ids)
        {
            int kind = _random.Next(schema.Kinds.Count);
            Span<int> values = world.ValuesAt(world.Add(id, kind, NameFor(schema, kind)));
            foreach (int f in schema.FieldsOf(kind))
            {
                values[f] = EdgeValue(schema.Fields[f]);
            }
        }

        return world;
    }

    /// <summary>The world <paramref name="elapsed"/> ticks after <paramref name="previous"/>: removals, changes (many exactly as predicted), spawns.</summary>
    public SchemaWorld Next(SchemaWorld previous, uint elapsed)
    {
        GameSchema schema = previous.Schema;
        var entities = new SortedDictionary<uint, (int Kind, string? Name, int[] Values)>();
        for (int i = 0; i < previous.Count; i++)
        {
            if (_random.Next(6) == 0)
            {
                continue;
            }

            int kind = previous.KindAt(i);
            string? name = previous.NameAt(i);
            if (_random.Next(20) == 0)
            {
                // The same id as another entity: sent as removed and spawned.
                kind = _random.Next(schema.Kinds.Count);
                name = NameFor(schema, kind);
            }

            int[] values = new int[schema.Fields.Count];
            ReadOnlySpan<int> before = previous.ValuesAt(i);
            foreach (int f in schema.FieldsOf(kind))
            {
                int predicted = kind == previous.KindAt(i) ? Prediction.Of(schema, kind, f, before, values, elapsed) : 0;
                values[f] = _random.Next(4) switch
                {
                    0 => EdgeValue(schema.Fields[f]),
                    1 => schema.LayoutOf(f).Wrap(predicted + (long)_random.Next(-300, 301)),
                    _ => kind == previous.KindAt(i) ? predicted : EdgeValue(schema.Fields[f]),
                };
            }

            entities[previous.Ids[i]] = (kind, name, values);
        }

        for (int s = _random.Next(0, 5); s > 0; s--)
        {
            uint id = _random.Next(2) == 0 ? (uint)_random.NextInt64(0, uint.MaxValue + 1L) : (uint)_random.Next(0, 2 * previous.Count + 4);
            int kind = _random.Next(schema.Kinds.Count);
            int[] values = new int[schema.Fields.Count];
            foreach (int f in schema.FieldsOf(kind))
            {
                values[f] = EdgeValue(schema.Fields[f]);
            }

            entities.TryAdd(id, (kind, NameFor(schema, kind), values));
        }

        var next = new SchemaWorld(schema) { Tick = previous.Tick + elapsed, Phase = (MatchPhase)_random.Next(4), PhaseTicksLeft = (uint)_random.Next() };
        foreach ((uint id, (int kind, string? name, int[] values)) in entities)
        {
            values.CopyTo(next.ValuesAt(next.Add(id, kind, name)));
        }

        return next;
    }

    private int EdgeValue(SchemaField field)
    {
        long value = _random.Next(8) switch
        {
            0 => field.Min,
            1 => field.Max,
            2 => 0,
            3 => (long)field.Min + 1,
            4 => (long)field.Max - 1,
            5 => field.Min + ((long)field.Max - field.Min) / 2,
            _ => _random.NextInt64(field.Min, field.Max + 1L),
        };
        return (int)Math.Clamp(value, field.Min, field.Max);
    }

    private (int Min, int Max) RandomRange()
    {
        int a = (int)_random.NextInt64(int.MinValue, int.MaxValue + 1L);
        int b = _random.Next(3) == 0 ? (int)_random.NextInt64(int.MinValue, int.MaxValue + 1L) : (int)Math.Clamp(a + (long)_random.Next(0, 5000), int.MinValue, int.MaxValue);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private string? NameFor(GameSchema schema, int kind) => schema.Kinds[kind].HasName ? s_names[_random.Next(s_names.Length)] : null;
}
