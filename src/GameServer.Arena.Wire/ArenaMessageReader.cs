using System.Buffers;
using MessagePack;

namespace GameServer.Arena.Wire;

/// <summary>
/// Decodes a protocol-v1 client's server frames: Snapshots replace <c>world</c>, Deltas are applied to it in place,
/// every other message reads as <see cref="ServerMessageReader"/> reads it. When a delta's base is not the world's
/// tick, the world is left untouched and the frame is reported malformed; after any other malformed snapshot or delta
/// the world's content is undefined, and the client should resume (reconnect with its token) to get a fresh snapshot.
/// </summary>
public static class ArenaMessageReader
{
    public static DecodeStatus TryRead(ReadOnlySequence<byte> frame, WorldState world, out ServerMessage message, out string? reason)
    {
        message = default;
        reason = null;
        try
        {
            var reader = new MessagePackReader(frame);
            int length = FrameReading.ReadHeader(ref reader, out byte type);
            switch ((MessageType)type)
            {
                case MessageType.Snapshot:
                    message = new ServerMessage(MessageType.Snapshot, tick: DeltaCodec.ReadSnapshotBody(ref reader, length, world));
                    return DecodeStatus.Ok;
                case MessageType.Delta:
                    uint tick = DeltaCodec.ReadDeltaBody(ref reader, length, world, out uint baseTick);
                    message = new ServerMessage(MessageType.Delta, baseTick: baseTick, tick: tick);
                    return DecodeStatus.Ok;
            }
        }
        catch (Exception ex) when (FrameFailure.IsMalformed(ex))
        {
            reason = ex.Message;
            return DecodeStatus.Malformed;
        }

        return ServerMessageReader.TryRead(frame, out message, out reason);
    }
}
