using System.Buffers;
using MessagePack;

namespace GameServer.Protocol.Schema;

/// <remarks>
/// MessagePack form (docs/netcode-v2.md, "The schema"): <c>[game, version, [kind...], [field...], [input...]]</c>,
/// kind <c>[name, hasName]</c>, field <c>[name, min, max, scale, wrap, prediction, velocityIndex|nil, [kindIndex...]]</c>,
/// input <c>[name, min, max, wrap]</c>. It travels once per connection, so it is written for clarity, not size.
/// </remarks>
public sealed partial class GameSchema
{
    /// <summary>Writes the schema's MessagePack form.</summary>
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(5);
        writer.Write(Game);
        writer.Write(Version);
        writer.WriteArrayHeader(Kinds.Count);
        foreach (SchemaKind kind in Kinds)
        {
            writer.WriteArrayHeader(2);
            writer.Write(kind.Name);
            writer.Write(kind.HasName);
        }

        writer.WriteArrayHeader(Fields.Count);
        for (int f = 0; f < Fields.Count; f++)
        {
            SchemaField field = Fields[f];
            writer.WriteArrayHeader(8);
            writer.Write(field.Name);
            writer.Write(field.Min);
            writer.Write(field.Max);
            writer.Write(field.Scale);
            writer.Write(field.Wrap);
            writer.Write((byte)field.Prediction);
            if (_layouts[f].Velocity < 0)
            {
                writer.WriteNil();
            }
            else
            {
                writer.Write(_layouts[f].Velocity);
            }

            writer.WriteArrayHeader(field.Kinds.Count);
            foreach (string kind in field.Kinds)
            {
                writer.Write(KindIndex(kind));
            }
        }

        writer.WriteArrayHeader(Input.Count);
        foreach (InputField field in Input)
        {
            writer.WriteArrayHeader(4);
            writer.Write(field.Name);
            writer.Write(field.Min);
            writer.Write(field.Max);
            writer.Write(field.Wrap);
        }
    }

    /// <summary>The schema's MessagePack form as bytes.</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a schema's MessagePack form; extra trailing elements of any array are skipped (later versions may add some).</summary>
    /// <exception cref="MessagePackSerializationException">The bytes are not a well-formed schema.</exception>
    /// <exception cref="ArgumentException">The schema they describe is invalid.</exception>
    public static GameSchema Read(ref MessagePackReader reader)
    {
        int length = RequireArray(ref reader, 5);
        string game = ReadString(ref reader);
        uint version = reader.ReadUInt32();

        var kinds = new SchemaKind[RequireCount(ref reader, MaxKinds)];
        for (int k = 0; k < kinds.Length; k++)
        {
            int kindLength = RequireArray(ref reader, 2);
            kinds[k] = new SchemaKind(ReadString(ref reader), reader.ReadBoolean());
            FrameReading.SkipExtra(ref reader, kindLength - 2);
        }

        var fields = new SchemaField[RequireCount(ref reader, MaxFields)];
        var velocities = new int?[fields.Length];
        for (int f = 0; f < fields.Length; f++)
        {
            int fieldLength = RequireArray(ref reader, 8);
            string name = ReadString(ref reader);
            int min = reader.ReadInt32();
            int max = reader.ReadInt32();
            double scale = reader.ReadDouble();
            bool wrap = reader.ReadBoolean();
            var prediction = (FieldPrediction)reader.ReadByte();
            velocities[f] = reader.TryReadNil() ? null : reader.ReadInt32();
            var fieldKinds = new string[RequireCount(ref reader, MaxKinds)];
            for (int k = 0; k < fieldKinds.Length; k++)
            {
                int kind = reader.ReadInt32();
                fieldKinds[k] = kind >= 0 && kind < kinds.Length ? kinds[kind].Name : throw new ArgumentException($"Field '{name}' names kind {kind}, which the schema does not declare.");
            }

            fields[f] = new SchemaField(name, min, max, fieldKinds, scale, wrap, prediction);
            FrameReading.SkipExtra(ref reader, fieldLength - 8);
        }

        // Velocities name earlier fields by index; resolved once every name is known.
        for (int f = 0; f < fields.Length; f++)
        {
            if (velocities[f] is int v)
            {
                fields[f] = fields[f] with { VelocityField = v >= 0 && v < fields.Length ? fields[v].Name : $"#{v}" };
            }
        }

        var input = new InputField[RequireCount(ref reader, MaxInputFields)];
        for (int i = 0; i < input.Length; i++)
        {
            int inputLength = RequireArray(ref reader, 4);
            input[i] = new InputField(ReadString(ref reader), reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
            FrameReading.SkipExtra(ref reader, inputLength - 4);
        }

        FrameReading.SkipExtra(ref reader, length - 5);
        return new GameSchema(game, version, kinds, fields, input);
    }

    /// <summary>Reads a schema from exactly these bytes.</summary>
    public static GameSchema FromBytes(ReadOnlyMemory<byte> bytes)
    {
        var reader = new MessagePackReader(bytes);
        GameSchema schema = Read(ref reader);
        if (!reader.End)
        {
            throw new MessagePackSerializationException("Bytes follow the schema.");
        }

        return schema;
    }

    private static int RequireArray(ref MessagePackReader reader, int least)
    {
        int length = reader.ReadArrayHeader();
        if (length < least)
        {
            throw new MessagePackSerializationException($"A schema array has {length} elements where {least} are required.");
        }

        return length;
    }

    private static int RequireCount(ref MessagePackReader reader, int max)
    {
        int count = reader.ReadArrayHeader();
        if (count > max)
        {
            throw new MessagePackSerializationException($"A schema list has {count} elements; at most {max} are allowed.");
        }

        return count;
    }

    private static string ReadString(ref MessagePackReader reader) =>
        reader.ReadString() ?? throw new MessagePackSerializationException("A schema name is nil.");
}
