using System.Buffers;
using System.Text;
using MessagePack;

namespace GameServer.Protocol;

/// <summary>
/// Decodes client-to-server frames on the server. The bytes are untrusted: every failure is reported as a
/// <see cref="DecodeStatus"/> with a reason, never thrown, and no allocation is sized by a length the frame declares.
/// </summary>
public static class ClientMessageReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one frame of version 1. The caller has already checked its size against the cap.</summary>
    /// <param name="reason">Why the frame is malformed, for logs; null when it is not.</param>
    public static DecodeStatus TryRead(ReadOnlySequence<byte> frame, out ClientMessage message, out string? reason) =>
        TryRead(frame, null, [], out message, out reason);

    /// <summary>
    /// Reads one frame of version 2, whose Input is <c>[2, seq, ackTick, viewTick, value...]</c>: one integer per field
    /// of <paramref name="input"/>, within its range, written to <paramref name="values"/>; the message's
    /// <see cref="InputMessage"/> then holds only the sequence, ack tick and view tick. A missing, non-integer or
    /// out-of-range value makes the frame malformed. With <paramref name="input"/> null (no match yet, so no schema)
    /// the values are skipped.
    /// </summary>
    public static DecodeStatus TryReadV2(ReadOnlySequence<byte> frame, IReadOnlyList<Schema.InputField>? input, Span<int> values,
        out ClientMessage message, out string? reason) =>
        TryRead(frame, input ?? [], values, out message, out reason);

    /// <param name="input">Null for version 1; the schema's input fields for version 2.</param>
    private static DecodeStatus TryRead(ReadOnlySequence<byte> frame, IReadOnlyList<Schema.InputField>? input, Span<int> values,
        out ClientMessage message, out string? reason)
    {
        message = default;
        reason = null;
        try
        {
            var reader = new MessagePackReader(frame);
            int length = FrameReading.ReadHeader(ref reader, out byte type);
            switch ((MessageType)type)
            {
                case MessageType.Join:
                    FrameReading.RequireLength(length, 4, "Join is [1, name, matchId, resumeToken, game?].");
                    message = new ClientMessage(MessageType.Join, join: new JoinMessage(
                        ReadString(ref reader, "A name"), FrameReading.ReadOptionalUInt32(ref reader), FrameReading.ReadToken(ref reader),
                        length >= 5 && !reader.TryReadNil() ? ReadString(ref reader, "A game") : null));
                    FrameReading.EndFrame(ref reader, length - Math.Min(length, 5));
                    break;
                case MessageType.Input when input is not null:
                    message = new ClientMessage(MessageType.Input, input: ReadInputV2(ref reader, length, input, values));
                    break;
                case MessageType.Input:
                    FrameReading.RequireLength(length, 7, "Input is [2, seq, ackTick, moveX, moveY, aim, buttons, viewTick?].");
                    message = new ClientMessage(MessageType.Input, input: new InputMessage(
                        reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadSByte(), reader.ReadSByte(),
                        reader.ReadUInt16(), (Buttons)reader.ReadByte(), length >= 8 ? reader.ReadUInt32() : 0));
                    FrameReading.EndFrame(ref reader, length - Math.Min(length, 8));
                    break;
                case MessageType.Ping:
                    FrameReading.RequireLength(length, 2, "Ping is [3, clientTime].");
                    message = new ClientMessage(MessageType.Ping, ping: new PingMessage(reader.ReadUInt32()));
                    FrameReading.EndFrame(ref reader, length - 2);
                    break;
                case MessageType.Leave:
                    message = new ClientMessage(MessageType.Leave);
                    FrameReading.EndFrame(ref reader, length - 1);
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

    private static InputMessage ReadInputV2(ref MessagePackReader reader, int length, IReadOnlyList<Schema.InputField> fields, Span<int> values)
    {
        int required = 4 + fields.Count;
        FrameReading.RequireLength(length, Math.Max(4, required), "Input v2 is [2, seq, ackTick, viewTick, value...] with one value per input field.");
        var header = new InputMessage(reader.ReadUInt32(), reader.ReadUInt32(), 0, 0, 0, Buttons.None, reader.ReadUInt32());
        for (int i = 0; i < fields.Count; i++)
        {
            Schema.InputField field = fields[i];
            if (reader.NextMessagePackType != MessagePackType.Integer)
            {
                MalformedFrameException.Throw($"Input value '{field.Name}' must be an integer.");
            }

            long value = reader.ReadInt64();
            if (value < field.Min || value > field.Max)
            {
                MalformedFrameException.Throw($"Input value '{field.Name}' is outside {field.Min}..{field.Max}.");
            }

            values[i] = (int)value;
        }

        FrameReading.EndFrame(ref reader, length - Math.Min(length, required));
        return header;
    }

    /// <param name="what">The string's role in a reason, such as "A name".</param>
    private static string ReadString(ref MessagePackReader reader, string what)
    {
        ReadOnlySequence<byte>? bytes = reader.ReadStringSequence();
        if (bytes is null)
        {
            MalformedFrameException.Throw($"{what} must be a string.");
        }

        // The server's own rules (PlayerNames, the games it has) answer with an error; this bound only keeps hostile strings out.
        if (bytes.Value.Length > ProtocolConstants.MaxNameStringBytes)
        {
            MalformedFrameException.Throw($"{what} string may have at most 64 bytes of UTF-8.");
        }

        Span<byte> buffer = stackalloc byte[ProtocolConstants.MaxNameStringBytes];
        bytes.Value.CopyTo(buffer);
        return s_strictUtf8.GetString(buffer.Slice(0, (int)bytes.Value.Length));
    }
}
