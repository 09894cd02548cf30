using System.Buffers;
using MessagePack;

namespace GameServer.Protocol.Schema;

/// <summary>
/// Decodes v2 snapshots and deltas (docs/netcode-v2.md) into a <see cref="SchemaWorld"/>, driven by the schema alone.
/// Every byte is untrusted: a frame that is truncated, out of range, refers past its base or breaks id order is
/// reported malformed and leaves the world untouched, since the new world is built aside and swapped in. Reuses its
/// buffers; one reader per connection.
/// </summary>
public sealed partial class SchemaStateReader
{
    /// <summary>The most ticks a delta may span: keeps every prediction exact in 64-bit (and JavaScript) arithmetic.</summary>
    public const uint MaxDeltaTicks = 65_535;

    /// <summary>The longest entity name in UTF-8 bytes.</summary>
    public const int MaxNameBytes = ProtocolConstants.MaxNameStringBytes;

    /// <summary>The longest state bin a frame may carry.</summary>
    public const int MaxStateBytes = 1 << 20;

    private readonly GameSchema _schema;
    private readonly SchemaWorld _next;
    private byte[] _contiguous = [];
    private bool[] _removed = new bool[64];

    public SchemaStateReader(GameSchema schema)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _next = new SchemaWorld(schema);
    }

    /// <summary>The acknowledgement the last frame read carried (the player's last applied input sequence); null when it had none.</summary>
    public uint? Ack { get; private set; }

    /// <summary>Reads a Snapshot (which replaces <paramref name="world"/>) or a Delta (applied to it); other types are <see cref="DecodeStatus.UnknownType"/>.</summary>
    public DecodeStatus TryRead(ReadOnlySequence<byte> frame, SchemaWorld world, out MessageType type, out string? reason)
    {
        RequireSchema(world);
        type = default;
        reason = null;
        Ack = null;
        try
        {
            var reader = new MessagePackReader(frame);
            int length = FrameReading.ReadHeader(ref reader, out byte code);
            type = (MessageType)code;
            switch (type)
            {
                case MessageType.Snapshot:
                    ReadSnapshotBody(ref reader, length, world);
                    return DecodeStatus.Ok;
                case MessageType.Delta:
                    ReadDeltaBody(ref reader, length, world);
                    return DecodeStatus.Ok;
                default:
                    return DecodeStatus.UnknownType;
            }
        }
        catch (Exception ex) when (FrameFailure.IsMalformed(ex))
        {
            reason = ex.Message;
            return DecodeStatus.Malformed;
        }
    }

    /// <summary>Reads a snapshot's body (after its type) into <paramref name="world"/>.</summary>
    internal void ReadSnapshotBody(ref MessagePackReader reader, int length, SchemaWorld world)
    {
        FrameReading.RequireLength(length, 5, "A v2 Snapshot has 5 elements.");
        _next.Clear();
        _next.Tick = reader.ReadUInt32();
        ReadLifecycle(ref reader, _next);
        var bits = new BitReader(ReadBin(ref reader));
        uint? ack = ReadAck(ref reader, length, 5);

        ReadSpawnedList(ref bits);
        bits.End();
        world.SwapWith(_next);
        Ack = ack;
    }

    /// <summary>Applies a delta's body (after its type) to <paramref name="world"/>, which must be at the delta's base tick.</summary>
    internal void ReadDeltaBody(ref MessagePackReader reader, int length, SchemaWorld world)
    {
        FrameReading.RequireLength(length, 6, "A v2 Delta has 6 elements.");
        if (reader.ReadUInt32() != world.Tick)
        {
            MalformedFrameException.Throw("A delta's base tick is not the tick of the world it is applied to.");
        }

        _next.Clear();
        _next.Tick = reader.ReadUInt32();
        if (_next.Tick < world.Tick || _next.Tick - world.Tick > MaxDeltaTicks)
        {
            MalformedFrameException.Throw("A delta spans 0 to 65535 ticks forward.");
        }

        ReadLifecycle(ref reader, _next);
        var bits = new BitReader(ReadBin(ref reader));
        uint? ack = ReadAck(ref reader, length, 6);

        ReadRemoved(ref bits, world.Count);
        ApplyChanged(ref bits, world, _next.Tick - world.Tick);

        int survivors = _next.Count;
        ReadSpawnedList(ref bits);
        bits.End();
        if (_next.Count > survivors && survivors > 0 && _next.Ids[survivors] <= _next.Ids[survivors - 1])
        {
            MergeSpawned(survivors);
        }

        world.SwapWith(_next);
        Ack = ack;
    }

    /// <summary>Reads the optional ack after a frame's <paramref name="fixedLength"/> elements and ends the frame.</summary>
    private static uint? ReadAck(ref MessagePackReader reader, int length, int fixedLength)
    {
        uint? ack = length > fixedLength ? reader.ReadUInt32() : null;
        FrameReading.EndFrame(ref reader, length - Math.Min(length, fixedLength + 1));
        return ack;
    }

    private static void ReadLifecycle(ref MessagePackReader reader, SchemaWorld world)
    {
        world.Phase = FrameReading.ReadPhase(ref reader);
        world.PhaseTicksLeft = reader.ReadUInt32();
    }

    private ReadOnlySpan<byte> ReadBin(ref MessagePackReader reader)
    {
        ReadOnlySequence<byte>? bin = reader.ReadBytes();
        if (bin is not ReadOnlySequence<byte> bytes)
        {
            MalformedFrameException.Throw("A state must be a bin.");
            return default;
        }

        if (bytes.Length > MaxStateBytes)
        {
            MalformedFrameException.Throw("A state bin is over 1 MiB.");
        }

        if (bytes.IsSingleSegment)
        {
            return bytes.First.Span;
        }

        if (_contiguous.Length < bytes.Length)
        {
            _contiguous = new byte[bytes.Length];
        }

        bytes.CopyTo(_contiguous);
        return _contiguous.AsSpan(0, (int)bytes.Length);
    }

    private void RequireSchema(SchemaWorld world)
    {
        if (!ReferenceEquals(world.Schema, _schema))
        {
            throw new ArgumentException("The world is of another schema than the reader's.", nameof(world));
        }
    }
}
