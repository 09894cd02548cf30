namespace GameServer.Protocol.Schema;

/// <summary>
/// A game's declaration of its wire state and input: entity kinds, their integer fields with ranges and predictions,
/// and the input layout. Immutable and validated on construction; the v2 codec (<see cref="SchemaStateWriter"/>,
/// <see cref="SchemaStateReader"/>) is driven by it alone. docs/netcode-v2.md has its MessagePack form.
/// </summary>
public sealed partial class GameSchema
{
    /// <summary>The most kinds a schema may declare (a field's kinds travel as a 32-bit set).</summary>
    public const int MaxKinds = 32;

    /// <summary>The most entity fields a schema may declare (a change mask is at most 64 bits).</summary>
    public const int MaxFields = 64;

    /// <summary>The most input fields a schema may declare: an input's values travel inline (<see cref="InputValues"/>), so a queued input stays small.</summary>
    public const int MaxInputFields = 8;

    /// <summary>The longest game, kind or field name, in characters.</summary>
    public const int MaxNameLength = 64;

    private readonly FieldLayout[] _layouts;
    private readonly int[][] _kindFields;
    private readonly uint[] _fieldKinds;

    /// <exception cref="ArgumentException">The schema is invalid; the message says what to change.</exception>
    public GameSchema(string game, uint version, IReadOnlyList<SchemaKind> kinds, IReadOnlyList<SchemaField> fields, IReadOnlyList<InputField> input)
    {
        RequireName(game, "The game's name");
        if (version == 0)
        {
            throw new ArgumentException("A schema's version starts at 1.", nameof(version));
        }

        Game = game;
        Version = version;
        Kinds = Validate(kinds, MaxKinds, 1, "kind", k => k.Name);
        // Each field's kinds are copied too: a caller's list changed later must not change the schema.
        Fields = [.. Validate(fields, MaxFields, 0, "field", f => f.Name).Select(f => f with { Kinds = f.Kinds is null ? [] : [.. f.Kinds] })];
        Input = Validate(input, MaxInputFields, 0, "input field", f => f.Name);
        InputLayout = new InputLayout(Input, viewTickLast: false);
        foreach (InputField field in Input)
        {
            RequireRange(field.Name, field.Min, field.Max);
        }

        _layouts = new FieldLayout[Fields.Count];
        _fieldKinds = new uint[Fields.Count];
        for (int f = 0; f < Fields.Count; f++)
        {
            _layouts[f] = CreateLayout(f);
            _fieldKinds[f] = KindSet(Fields[f]);
        }

        _kindFields = new int[Kinds.Count][];
        for (int k = 0; k < Kinds.Count; k++)
        {
            var indices = new List<int>();
            for (int f = 0; f < Fields.Count; f++)
            {
                if ((_fieldKinds[f] & (1u << k)) != 0)
                {
                    indices.Add(f);
                }
            }

            _kindFields[k] = [.. indices];
        }

        KindBits = BitsFor((uint)(Kinds.Count - 1));
    }

    /// <summary>The game's name, e.g. "arena".</summary>
    public string Game { get; }

    /// <summary>The game's schema version: a client may refuse one it was not built for.</summary>
    public uint Version { get; }

    /// <summary>The entity kinds; an entity's kind is an index into this list.</summary>
    public IReadOnlyList<SchemaKind> Kinds { get; }

    /// <summary>The entity fields; an entity's values are one int per field, in this order.</summary>
    public IReadOnlyList<SchemaField> Fields { get; }

    /// <summary>The input message's fields, in order.</summary>
    public IReadOnlyList<InputField> Input { get; }

    /// <summary>How a version-2 Input of this schema reads: the view tick, then one value per input field.</summary>
    public InputLayout InputLayout { get; }

    /// <summary>Bits of a kind index on the wire.</summary>
    internal int KindBits { get; }

    /// <summary>The index of the kind with this name, or -1.</summary>
    public int KindIndex(string name) => IndexOf(Kinds, name, k => k.Name);

    /// <summary>The index of the field with this name, or -1.</summary>
    public int FieldIndex(string name) => IndexOf(Fields, name, f => f.Name);

    /// <summary>Whether entities of kind <paramref name="kind"/> have field <paramref name="field"/>.</summary>
    public bool KindHasField(int kind, int field) => (_fieldKinds[field] & (1u << kind)) != 0;

    /// <summary>The indices of the fields of a kind, ascending: the order of its values and of its change mask.</summary>
    internal ReadOnlySpan<int> FieldsOf(int kind) => _kindFields[kind];

    internal ref readonly FieldLayout LayoutOf(int field) => ref _layouts[field];

    /// <summary>Bits needed to write every value in 0..<paramref name="max"/>.</summary>
    internal static int BitsFor(ulong max)
    {
        int bits = 0;
        while (max != 0)
        {
            bits++;
            max >>= 1;
        }

        return bits;
    }

    private FieldLayout CreateLayout(int index)
    {
        SchemaField field = Fields[index];
        RequireRange(field.Name, field.Min, field.Max);
        if (!(field.Scale > 0) || double.IsInfinity(field.Scale))
        {
            throw new ArgumentException($"Field '{field.Name}' has scale {field.Scale}; a scale is a positive finite number of wire units per world unit.");
        }

        int velocity = -1;
        if (field.Prediction == FieldPrediction.Velocity)
        {
            velocity = field.VelocityField is null ? -1 : FieldIndex(field.VelocityField);
            if (velocity < 0 || velocity >= index)
            {
                throw new ArgumentException(
                    $"Field '{field.Name}' is predicted by velocity '{field.VelocityField}', which must be a field declared before it (decoders read it first).");
            }
        }
        else if (field.VelocityField is not null)
        {
            throw new ArgumentException($"Field '{field.Name}' names velocity '{field.VelocityField}' but its prediction is {field.Prediction}, not Velocity.");
        }
        else if (field.Prediction is not (FieldPrediction.None or FieldPrediction.Previous))
        {
            throw new ArgumentException($"Field '{field.Name}' has an unknown prediction {(int)field.Prediction}.");
        }

        long range = (long)field.Max - field.Min + 1;
        return new FieldLayout(field.Min, range, BitsFor((ulong)(range - 1)), field.Prediction, velocity);
    }

    private uint KindSet(SchemaField field)
    {
        if (field.Kinds is null || field.Kinds.Count == 0)
        {
            throw new ArgumentException($"Field '{field.Name}' names no kinds; list the kinds whose entities have it.");
        }

        uint set = 0;
        foreach (string name in field.Kinds)
        {
            int kind = KindIndex(name);
            if (kind < 0)
            {
                throw new ArgumentException($"Field '{field.Name}' names kind '{name}', which the schema does not declare.");
            }

            set |= 1u << kind;
        }

        return set;
    }

    private static IReadOnlyList<T> Validate<T>(IReadOnlyList<T> items, int max, int min, string what, Func<T, string> name)
    {
        if (items is null || items.Count < min || items.Count > max)
        {
            throw new ArgumentException($"A schema declares {min} to {max} {what}s; this one has {items?.Count.ToString() ?? "none (null)"}.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (T item in items)
        {
            if (item is null)
            {
                throw new ArgumentException($"A {what} is null.");
            }

            RequireName(name(item), $"A {what}'s name");
            if (!names.Add(name(item)))
            {
                throw new ArgumentException($"Two {what}s are named '{name(item)}'; names are unique.");
            }
        }

        return [.. items];
    }

    private static void RequireName(string? name, string what)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > MaxNameLength)
        {
            throw new ArgumentException($"{what} must be 1 to {MaxNameLength} characters; it is '{name}'.");
        }
    }

    private static void RequireRange(string name, int min, int max)
    {
        if (min > max)
        {
            throw new ArgumentException($"Field '{name}' has min {min} above max {max}.");
        }
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, string name, Func<T, string> nameOf)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (string.Equals(nameOf(items[i]), name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
