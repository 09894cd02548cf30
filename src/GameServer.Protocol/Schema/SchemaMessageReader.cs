using System.Buffers;
using MessagePack;

namespace GameServer.Protocol.Schema;

/// <summary>
/// Decodes a protocol-v2 client's server frames: Welcome v2 gives the match's schema (and a fresh
/// <see cref="World"/> of it), snapshots and deltas are applied to that world by a <see cref="SchemaStateReader"/>
/// with each frame's acknowledgement kept in <see cref="Ack"/>, and every other message reads as in v1. One per
/// connection; not thread-safe.
/// </summary>
public sealed class SchemaMessageReader
{
    private SchemaStateReader? _state;

    /// <summary>The schema of the match the last Welcome came from; null before the first.</summary>
    public GameSchema? Schema { get; private set; }

    /// <summary>The world as snapshots and deltas leave it; null before the first Welcome.</summary>
    public SchemaWorld? World { get; private set; }

    /// <summary>The player's last input sequence the server had applied, as of the last snapshot or delta.</summary>
    public uint Ack { get; private set; }

    /// <summary>Reads one frame; a state frame before any Welcome, or a Welcome without a schema, is malformed.</summary>
    public DecodeStatus TryRead(ReadOnlySequence<byte> frame, out ServerMessage message, out string? reason)
    {
        message = default;
        reason = null;
        MessageType type;
        try
        {
            var reader = new MessagePackReader(frame);
            FrameReading.ReadHeader(ref reader, out byte code);
            type = (MessageType)code;
        }
        catch (Exception ex) when (FrameFailure.IsMalformed(ex))
        {
            reason = ex.Message;
            return DecodeStatus.Malformed;
        }

        return type switch
        {
            MessageType.Snapshot or MessageType.Delta => ReadState(frame, out message, out reason),
            MessageType.Welcome => ReadWelcome(frame, out message, out reason),
            _ => ServerMessageReader.TryRead(frame, out message, out reason),
        };
    }

    private DecodeStatus ReadWelcome(ReadOnlySequence<byte> frame, out ServerMessage message, out string? reason)
    {
        DecodeStatus status = ServerMessageReader.TryRead(frame, out message, out reason);
        if (status != DecodeStatus.Ok)
        {
            return status;
        }

        try
        {
            var reader = new MessagePackReader(frame);
            int length = FrameReading.ReadHeader(ref reader, out _);
            FrameReading.RequireLength(length, 8, "Welcome v2 has 8 elements: v1's and the schema.");
            FrameReading.SkipExtra(ref reader, 6);
            GameSchema schema = GameSchema.Read(ref reader);

            // A new match may bring another schema; the same one keeps its reader's buffers.
            if (Schema is null || !Schema.ToBytes().AsSpan().SequenceEqual(schema.ToBytes()))
            {
                Schema = schema;
                _state = new SchemaStateReader(schema);
            }

            World = new SchemaWorld(Schema);
            Ack = 0;
            return DecodeStatus.Ok;
        }
        catch (Exception ex) when (FrameFailure.IsMalformed(ex))
        {
            reason = ex.Message;
            message = default;
            return DecodeStatus.Malformed;
        }
    }

    private DecodeStatus ReadState(ReadOnlySequence<byte> frame, out ServerMessage message, out string? reason)
    {
        message = default;
        if (_state is null || World is null)
        {
            reason = "A snapshot or delta came before Welcome v2 gave its schema.";
            return DecodeStatus.Malformed;
        }

        uint before = World.Tick;
        DecodeStatus status = _state.TryRead(frame, World, out MessageType type, out reason);
        if (status == DecodeStatus.Ok)
        {
            Ack = _state.Ack ?? Ack;
            message = new ServerMessage(type, baseTick: type == MessageType.Delta ? before : 0, tick: World.Tick);
        }

        return status;
    }
}
