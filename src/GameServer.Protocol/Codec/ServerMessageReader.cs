using System.Buffers;
using MessagePack;

namespace GameServer.Protocol;

/// <summary>
/// Decodes server-to-client frames for clients. Snapshots replace <c>world</c>; deltas are applied to it in place.
/// When a delta's base is not the world's tick, the world is left untouched and the frame is reported malformed; after
/// any other malformed snapshot or delta the world's content is undefined, and the client should resume (reconnect
/// with its token) to get a fresh snapshot.
/// </summary>
public static class ServerMessageReader
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
                case MessageType.Welcome:
                    FrameReading.RequireLength(length, 7, "Welcome has 7 elements.");
                    message = new ServerMessage(MessageType.Welcome, welcome: new WelcomeMessage(
                        reader.ReadInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadInt32(), reader.ReadUInt32(),
                        FrameReading.ReadToken(ref reader)));
                    FrameReading.EndFrame(ref reader, length - 7);
                    break;
                case MessageType.Snapshot:
                    message = new ServerMessage(MessageType.Snapshot, tick: DeltaCodec.ReadSnapshotBody(ref reader, length, world));
                    break;
                case MessageType.Delta:
                    uint tick = DeltaCodec.ReadDeltaBody(ref reader, length, world, out uint baseTick);
                    message = new ServerMessage(MessageType.Delta, baseTick: baseTick, tick: tick);
                    break;
                case MessageType.Pong:
                    FrameReading.RequireLength(length, 3, "Pong has 3 elements.");
                    message = new ServerMessage(MessageType.Pong, pong: new PongMessage(reader.ReadUInt32(), reader.ReadUInt32()));
                    FrameReading.EndFrame(ref reader, length - 3);
                    break;
                case MessageType.Event:
                    FrameReading.RequireLength(length, 6, "Event has 6 elements.");
                    message = new ServerMessage(MessageType.Event, gameEvent: new GameEvent(
                        reader.ReadUInt32(), (GameEventKind)reader.ReadByte(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadInt32()));
                    FrameReading.EndFrame(ref reader, length - 6);
                    break;
                case MessageType.Error:
                    FrameReading.RequireLength(length, 3, "Error has 3 elements.");
                    message = new ServerMessage(MessageType.Error, error: new ErrorMessage(
                        (ErrorCode)reader.ReadUInt16(), reader.ReadString() ?? string.Empty));
                    FrameReading.EndFrame(ref reader, length - 3);
                    break;
                default:
                    return DecodeStatus.UnknownType;
            }

            return DecodeStatus.Ok;
        }
        catch (Exception ex) when (FrameFailure.IsMalformed(ex))
        {
            reason = ex.Message;
            return DecodeStatus.Malformed;
        }
    }
}
