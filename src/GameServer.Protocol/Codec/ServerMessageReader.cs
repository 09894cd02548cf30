using System.Buffers;
using MessagePack;

namespace GameServer.Protocol;

/// <summary>
/// Decodes the server-to-client frames every version shares (Welcome's first seven elements, Pong, Event, Error) for
/// clients. State frames are read by the version's own reader, which hands the rest here: version 2's
/// <see cref="Schema.SchemaMessageReader"/>, version 1's Arena reader (GameServer.Arena.Wire); on their own they are
/// <see cref="DecodeStatus.UnknownType"/>.
/// </summary>
public static class ServerMessageReader
{
    public static DecodeStatus TryRead(ReadOnlySequence<byte> frame, out ServerMessage message, out string? reason)
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
