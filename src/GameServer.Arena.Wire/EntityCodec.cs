using MessagePack;

namespace GameServer.Arena.Wire;

/// <summary>
/// Entities on the wire. In full: <c>[id, kind, name|nil, x, y, vx, vy, aim, health, score, flags, lastInputSeq, aux]</c>.
/// Changed: <c>[id, mask, value...]</c>, one value per set mask bit, in bit order.
/// </summary>
internal static class EntityCodec
{
    private const int FullLength = 13;

    public static void WriteFull(ref MessagePackWriter writer, in EntityState e)
    {
        writer.WriteArrayHeader(FullLength);
        writer.Write(e.Id);
        writer.Write((byte)e.Kind);
        if (e.Name is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(e.Name);
        }

        writer.Write(e.X);
        writer.Write(e.Y);
        writer.Write(e.Vx);
        writer.Write(e.Vy);
        writer.Write(e.Aim);
        writer.Write(e.Health);
        writer.Write(e.Score);
        writer.Write((byte)e.Flags);
        writer.Write(e.LastInputSequence);
        writer.Write(e.Aux);
    }

    public static EntityState ReadFull(ref MessagePackReader reader)
    {
        int length = reader.ReadArrayHeader();
        if (length < FullLength)
        {
            MalformedFrameException.Throw("An entity has fewer than 13 fields.");
        }

        var e = new EntityState
        {
            Id = reader.ReadUInt32(),
            Kind = ReadKind(ref reader),
            Name = reader.TryReadNil() ? null : reader.ReadString(),
            X = reader.ReadInt32(),
            Y = reader.ReadInt32(),
            Vx = reader.ReadInt32(),
            Vy = reader.ReadInt32(),
            Aim = reader.ReadUInt16(),
            Health = reader.ReadInt32(),
            Score = reader.ReadInt32(),
            Flags = (EntityFlags)reader.ReadByte(),
            LastInputSequence = reader.ReadUInt32(),
            Aux = reader.ReadUInt32(),
        };
        FrameReading.SkipExtra(ref reader, length - FullLength);
        return e;
    }

    public static void WriteChanged(ref MessagePackWriter writer, in EntityState e, EntityField mask)
    {
        writer.WriteArrayHeader(2 + PopCount((uint)mask));
        writer.Write(e.Id);
        writer.Write((ushort)mask);
        if ((mask & EntityField.X) != 0) writer.Write(e.X);
        if ((mask & EntityField.Y) != 0) writer.Write(e.Y);
        if ((mask & EntityField.Vx) != 0) writer.Write(e.Vx);
        if ((mask & EntityField.Vy) != 0) writer.Write(e.Vy);
        if ((mask & EntityField.Aim) != 0) writer.Write(e.Aim);
        if ((mask & EntityField.Health) != 0) writer.Write(e.Health);
        if ((mask & EntityField.Score) != 0) writer.Write(e.Score);
        if ((mask & EntityField.Flags) != 0) writer.Write((byte)e.Flags);
        if ((mask & EntityField.LastInputSequence) != 0) writer.Write(e.LastInputSequence);
        if ((mask & EntityField.Aux) != 0) writer.Write(e.Aux);
    }

    /// <summary>Reads a changed entity and applies its values to the entity of that id in <paramref name="world"/>.</summary>
    public static void ReadChanged(ref MessagePackReader reader, WorldState world)
    {
        int length = reader.ReadArrayHeader();
        if (length < 2)
        {
            MalformedFrameException.Throw("A changed entity has no id and mask.");
        }

        uint id = reader.ReadUInt32();
        var mask = (EntityField)reader.ReadUInt16();
        if ((mask & ~EntityField.All) != 0)
        {
            MalformedFrameException.Throw("A changed entity's mask has unknown bits.");
        }

        int values = PopCount((uint)mask);
        if (length < 2 + values)
        {
            MalformedFrameException.Throw("A changed entity has fewer values than its mask names.");
        }

        int index = world.IndexOf(id);
        if (index < 0)
        {
            MalformedFrameException.Throw("A delta changes an entity that its base does not hold.");
        }

        ref EntityState e = ref world.EntitiesMutable[index];
        if ((mask & EntityField.X) != 0) e.X = reader.ReadInt32();
        if ((mask & EntityField.Y) != 0) e.Y = reader.ReadInt32();
        if ((mask & EntityField.Vx) != 0) e.Vx = reader.ReadInt32();
        if ((mask & EntityField.Vy) != 0) e.Vy = reader.ReadInt32();
        if ((mask & EntityField.Aim) != 0) e.Aim = reader.ReadUInt16();
        if ((mask & EntityField.Health) != 0) e.Health = reader.ReadInt32();
        if ((mask & EntityField.Score) != 0) e.Score = reader.ReadInt32();
        if ((mask & EntityField.Flags) != 0) e.Flags = (EntityFlags)reader.ReadByte();
        if ((mask & EntityField.LastInputSequence) != 0) e.LastInputSequence = reader.ReadUInt32();
        if ((mask & EntityField.Aux) != 0) e.Aux = reader.ReadUInt32();
        FrameReading.SkipExtra(ref reader, length - 2 - values);
    }

    private static EntityKind ReadKind(ref MessagePackReader reader)
    {
        var kind = (EntityKind)reader.ReadByte();
        if (kind is < EntityKind.Player or > EntityKind.Pickup)
        {
            MalformedFrameException.Throw("Unknown entity kind.");
        }

        return kind;
    }

    // BitOperations is not in netstandard2.1.
    private static int PopCount(uint value)
    {
        value -= (value >> 1) & 0x55555555;
        value = (value & 0x33333333) + ((value >> 2) & 0x33333333);
        return (int)((((value + (value >> 4)) & 0x0F0F0F0F) * 0x01010101) >> 24);
    }
}
