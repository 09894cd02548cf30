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

    /// <summary>
    /// Reads one frame. An Input's values are read by <paramref name="input"/> into <paramref name="values"/>: a
    /// missing, non-integer or out-of-range value makes the frame malformed. With <paramref name="input"/> null (no
    /// match yet, so no layout) only the sequence and ack tick are read and the rest skipped. The caller has already
    /// checked the frame's size against the cap.
    /// </summary>
    /// <param name="reason">Why the frame is malformed, for logs; null when it is not.</param>
    public static DecodeStatus TryRead(ReadOnlySequence<byte> frame, InputLayout? input, Span<int> values,
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
                case MessageType.Input:
                    message = new ClientMessage(MessageType.Input, input: ReadInput(ref reader, length, input, values));
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

    private static InputHeader ReadInput(ref MessagePackReader reader, int length, InputLayout? layout, Span<int> values)
    {
        if (layout is null)
        {
            FrameReading.RequireLength(length, 3, "Input is [2, seq, ackTick, ...].");
            var header = new InputHeader(reader.ReadUInt32(), reader.ReadUInt32(), 0);
            FrameReading.EndFrame(ref reader, length - 3);
            return header;
        }

        ReadOnlySpan<Schema.InputField> fields = layout.FieldSpan;
        int required = 3 + fields.Length + (layout.ViewTickLast ? 0 : 1);
        FrameReading.RequireLength(length, required, layout.ViewTickLast
            ? "Input v1 is [2, seq, ackTick, value..., viewTick?] with one value per input field."
            : "Input v2 is [2, seq, ackTick, viewTick, value...] with one value per input field.");
        uint sequence = reader.ReadUInt32();
        uint ackTick = reader.ReadUInt32();
        uint viewTick = layout.ViewTickLast ? 0 : reader.ReadUInt32();
        for (int i = 0; i < fields.Length; i++)
        {
            values[i] = ReadValue(ref reader, fields[i]);
        }

        if (layout.ViewTickLast && length > required)
        {
            viewTick = reader.ReadUInt32();
            required++;
        }

        FrameReading.EndFrame(ref reader, length - required);
        return new InputHeader(sequence, ackTick, viewTick);
    }

    private static int ReadValue(ref MessagePackReader reader, Schema.InputField field)
    {
        if (reader.NextMessagePackType != MessagePackType.Integer)
        {
            MalformedFrameException.Throw($"Input value '{field.Name}' must be an integer.");
        }

        long value = reader.ReadInt64();
        if (value < field.Min || value > field.Max)
        {
            MalformedFrameException.Throw($"Input value '{field.Name}' is outside {field.Min}..{field.Max}.");
        }

        return (int)value;
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
