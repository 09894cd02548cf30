using System.Buffers.Binary;

namespace GameServer.Protocol.WebSockets;

/// <summary>
/// RFC 6455 framing as a game server needs it (section 5): client frames are read and judged from their first bytes,
/// server frames are written unmasked. No I/O: the transport hands in what it has read.
/// </summary>
public static class WebSocketFraming
{
    /// <summary>Largest header of a server frame: 2 bytes, a 64-bit length, no mask.</summary>
    public const int MaxServerHeaderBytes = 10;

    /// <summary>Payloads of control frames are at most 125 bytes (5.5).</summary>
    public const int MaxControlPayload = 125;

    /// <summary>
    /// Reads and checks the header of the client frame at the start of <paramref name="buffer"/>. A data frame whose
    /// payload exceeds <paramref name="maxPayload"/> is <see cref="FrameHeaderStatus.TooBig"/> as soon as its length is
    /// known, so no byte of it needs to be buffered.
    /// </summary>
    public static FrameHeaderStatus TryReadClientHeader(ReadOnlySpan<byte> buffer, int maxPayload, out ClientFrameHeader header, out string? error)
    {
        header = default;
        error = null;
        if (buffer.Length < 2)
        {
            return FrameHeaderStatus.Incomplete;
        }

        byte first = buffer[0];
        byte second = buffer[1];
        var opcode = (WebSocketOpcode)(first & 0x0F);
        bool final = (first & 0x80) != 0;
        if ((first & 0x70) != 0)
        {
            return Fail("A reserved bit is set and no extension was negotiated.", out error);
        }

        if (opcode is not (WebSocketOpcode.Continuation or WebSocketOpcode.Text or WebSocketOpcode.Binary
            or WebSocketOpcode.Close or WebSocketOpcode.Ping or WebSocketOpcode.Pong))
        {
            return Fail("Reserved opcode.", out error);
        }

        if ((second & 0x80) == 0)
        {
            return Fail("Client frames must be masked.", out error);
        }

        bool control = ((byte)opcode & 0x8) != 0;
        int lengthCode = second & 0x7F;
        if (control && (!final || lengthCode > MaxControlPayload))
        {
            return Fail("Control frames must be final and carry at most 125 bytes.", out error);
        }

        int lengthBytes = lengthCode switch { 126 => 2, 127 => 8, _ => 0 };
        int headerLength = 2 + lengthBytes + 4;
        if (buffer.Length < 2 + lengthBytes)
        {
            return FrameHeaderStatus.Incomplete;
        }

        ulong length = lengthCode switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(2)),
            127 => BinaryPrimitives.ReadUInt64BigEndian(buffer.Slice(2)),
            _ => (ulong)lengthCode,
        };
        if (length > long.MaxValue)
        {
            return Fail("The most significant bit of a 64-bit length must be 0.", out error);
        }

        if (length > (ulong)maxPayload)
        {
            error = $"A message may have at most {maxPayload} bytes.";
            return FrameHeaderStatus.TooBig;
        }

        if (buffer.Length < headerLength)
        {
            return FrameHeaderStatus.Incomplete;
        }

        uint mask = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(headerLength - 4));
        header = new ClientFrameHeader(final, opcode, headerLength, (int)length, mask);
        return FrameHeaderStatus.Complete;
    }

    /// <summary>Unmasks a payload in place; <paramref name="offset"/> is its position in the frame's payload (for fragments split over reads).</summary>
    public static void Unmask(Span<byte> payload, uint mask, int offset = 0)
    {
        // Rotate the key so that byte 0 of the span lines up with its position in the payload.
        int shift = (offset & 3) * 8;
        uint key = shift == 0 ? mask : (mask >> shift) | (mask << (32 - shift));
        int i = 0;
        ulong wide = key | ((ulong)key << 32);
        for (; i + 8 <= payload.Length; i += 8)
        {
            Span<byte> chunk = payload.Slice(i, 8);
            BinaryPrimitives.WriteUInt64LittleEndian(chunk, BinaryPrimitives.ReadUInt64LittleEndian(chunk) ^ wide);
        }

        for (; i < payload.Length; i++)
        {
            payload[i] ^= (byte)(key >> ((i & 3) * 8));
        }
    }

    /// <summary>Bytes the header of a server frame with this payload length takes.</summary>
    public static int ServerHeaderLength(int payloadLength) => payloadLength switch
    {
        < 126 => 2,
        <= ushort.MaxValue => 4,
        _ => 10,
    };

    /// <summary>Writes the header of a final, unmasked server frame; returns its length.</summary>
    public static int WriteServerHeader(Span<byte> destination, WebSocketOpcode opcode, int payloadLength)
    {
        destination[0] = (byte)(0x80 | (byte)opcode);
        switch (payloadLength)
        {
            case < 126:
                destination[1] = (byte)payloadLength;
                return 2;
            case <= ushort.MaxValue:
                destination[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)payloadLength);
                return 4;
            default:
                destination[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(2), (ulong)payloadLength);
                return 10;
        }
    }

    /// <summary>
    /// Reads the header of a server frame written by <see cref="WriteServerHeader"/>, for a sender that walks a buffer
    /// of whole frames; returns false when the span does not start with a whole one.
    /// </summary>
    public static bool TryReadServerFrame(ReadOnlySpan<byte> buffer, out WebSocketOpcode opcode, out int headerLength, out int payloadLength)
    {
        opcode = default;
        headerLength = 0;
        payloadLength = 0;
        if (buffer.Length < 2)
        {
            return false;
        }

        opcode = (WebSocketOpcode)(buffer[0] & 0x0F);
        int code = buffer[1] & 0x7F;
        (headerLength, long length) = code switch
        {
            126 when buffer.Length >= 4 => (4, BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(2))),
            127 when buffer.Length >= 10 => (10, (long)BinaryPrimitives.ReadUInt64BigEndian(buffer.Slice(2))),
            < 126 => (2, code),
            _ => (0, -1L),
        };
        if (length < 0 || length > buffer.Length - headerLength)
        {
            return false;
        }

        payloadLength = (int)length;
        return true;
    }

    private static FrameHeaderStatus Fail(string reason, out string? error)
    {
        error = reason;
        return FrameHeaderStatus.ProtocolError;
    }
}
