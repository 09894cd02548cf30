using MessagePack;

namespace GameServer.Arena.Wire;

/// <summary>
/// Snapshots and deltas. Snapshot: <c>[17, tick, phase, phaseTicksLeft, [entity...]]</c>.
/// Delta: <c>[18, baseTick, tick, phase, phaseTicksLeft, [spawned...], [changed...], [removedId...]]</c>, which takes
/// a client from the world at baseTick to the world at tick.
/// </summary>
public static class DeltaCodec
{
    public static void WriteSnapshot(ref MessagePackWriter writer, WorldState world)
    {
        writer.WriteArrayHeader(5);
        writer.Write((byte)MessageType.Snapshot);
        writer.Write(world.Tick);
        writer.Write((byte)world.Phase);
        writer.Write(world.PhaseTicksLeft);
        writer.WriteArrayHeader(world.Count);
        foreach (ref readonly EntityState e in world.Entities)
        {
            EntityCodec.WriteFull(ref writer, e);
        }
    }

    /// <summary>Writes the delta from <paramref name="from"/> to <paramref name="to"/> in two merge walks: count, then write.</summary>
    public static void WriteDelta(ref MessagePackWriter writer, WorldState from, WorldState to)
    {
        Count(from, to, out int spawned, out int changed, out int removed);

        writer.WriteArrayHeader(8);
        writer.Write((byte)MessageType.Delta);
        writer.Write(from.Tick);
        writer.Write(to.Tick);
        writer.Write((byte)to.Phase);
        writer.Write(to.PhaseTicksLeft);

        ReadOnlySpan<EntityState> a = from.Entities;
        ReadOnlySpan<EntityState> b = to.Entities;

        writer.WriteArrayHeader(spawned);
        for (int i = 0, j = 0; j < b.Length; j++)
        {
            while (i < a.Length && a[i].Id < b[j].Id) i++;
            if (i == a.Length || a[i].Id != b[j].Id) EntityCodec.WriteFull(ref writer, b[j]);
        }

        writer.WriteArrayHeader(changed);
        for (int i = 0, j = 0; j < b.Length; j++)
        {
            while (i < a.Length && a[i].Id < b[j].Id) i++;
            if (i < a.Length && a[i].Id == b[j].Id)
            {
                EntityField mask = EntityState.Diff(a[i], b[j]);
                if (mask != EntityField.None) EntityCodec.WriteChanged(ref writer, b[j], mask);
            }
        }

        writer.WriteArrayHeader(removed);
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            while (j < b.Length && b[j].Id < a[i].Id) j++;
            if (j == b.Length || b[j].Id != a[i].Id) writer.Write(a[i].Id);
        }
    }

    /// <summary>Reads a snapshot's body (after its type) into <paramref name="world"/>.</summary>
    internal static uint ReadSnapshotBody(ref MessagePackReader reader, int length, WorldState world)
    {
        FrameReading.RequireLength(length, 5, "A Snapshot has 5 elements.");
        world.Clear();
        world.Tick = reader.ReadUInt32();
        world.Phase = FrameReading.ReadPhase(ref reader);
        world.PhaseTicksLeft = reader.ReadUInt32();
        int count = ReadCount(ref reader);
        for (int k = 0; k < count; k++)
        {
            EntityState e = EntityCodec.ReadFull(ref reader);
            if (world.Count > 0 && e.Id <= world.Entities[world.Count - 1].Id)
            {
                MalformedFrameException.Throw("A snapshot's entities must be in ascending id order.");
            }

            world.Append(e);
        }

        FrameReading.EndFrame(ref reader, length - 5);
        return world.Tick;
    }

    /// <summary>Applies a delta's body (after its type) to <paramref name="world"/>, which must be at its base tick.</summary>
    internal static uint ReadDeltaBody(ref MessagePackReader reader, int length, WorldState world, out uint baseTick)
    {
        FrameReading.RequireLength(length, 8, "A Delta has 8 elements.");
        baseTick = reader.ReadUInt32();
        if (baseTick != world.Tick)
        {
            MalformedFrameException.Throw("A delta's base tick is not the tick of the world it is applied to.");
        }

        world.Tick = reader.ReadUInt32();
        world.Phase = FrameReading.ReadPhase(ref reader);
        world.PhaseTicksLeft = reader.ReadUInt32();

        // Spawned entities are inserted before changes are applied, so a change to one of them would be found; a
        // well-formed delta never does that, and applying in this order keeps a single pass over each list.
        int spawned = ReadCount(ref reader);
        for (int k = 0; k < spawned; k++)
        {
            if (!world.Insert(EntityCodec.ReadFull(ref reader)))
            {
                MalformedFrameException.Throw("A delta spawns an entity that its base already holds.");
            }

            if (world.Count > ProtocolConstants.MaxEntities)
            {
                MalformedFrameException.Throw("A world may hold at most 8192 entities.");
            }
        }

        int changed = ReadCount(ref reader);
        for (int k = 0; k < changed; k++)
        {
            EntityCodec.ReadChanged(ref reader, world);
        }

        int removed = ReadCount(ref reader);
        for (int k = 0; k < removed; k++)
        {
            if (!world.Remove(reader.ReadUInt32()))
            {
                MalformedFrameException.Throw("A delta removes an entity that its base does not hold.");
            }
        }

        FrameReading.EndFrame(ref reader, length - 8);
        return world.Tick;
    }

    private static void Count(WorldState from, WorldState to, out int spawned, out int changed, out int removed)
    {
        ReadOnlySpan<EntityState> a = from.Entities;
        ReadOnlySpan<EntityState> b = to.Entities;
        spawned = changed = removed = 0;
        int i = 0;
        int j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i].Id < b[j].Id))
            {
                removed++;
                i++;
            }
            else if (i == a.Length || b[j].Id < a[i].Id)
            {
                spawned++;
                j++;
            }
            else
            {
                if (EntityState.Diff(a[i], b[j]) != EntityField.None) changed++;
                i++;
                j++;
            }
        }
    }

    private static int ReadCount(ref MessagePackReader reader)
    {
        int count = reader.ReadArrayHeader();
        if (count > ProtocolConstants.MaxEntities)
        {
            MalformedFrameException.Throw("A list may hold at most 8192 entities.");
        }

        return count;
    }
}
