using System.Buffers.Binary;

namespace GameServer.LoadTest.Transport;

public sealed partial class RawWebSocketTransport
{
    private const int NoClose = int.MinValue;

    /// <summary>Hands every complete frame in the buffer to the sink; returns the close code once a close frame is read.</summary>
    private int ParseFrames(IMessageSink sink)
    {
        while (_end - _start >= 2)
        {
            ReadOnlySpan<byte> head = _buffer.AsSpan(_start, _end - _start);
            byte b0 = head[0];
            byte b1 = head[1];
            if ((b1 & 0x80) != 0)
            {
                throw new BotException(ErrorKind.ProtocolViolation, "The server sent a masked frame.");
            }

            int headerLength = 2;
            long length = b1 & 0x7F;
            if (length == 126)
            {
                if (head.Length < 4)
                {
                    break;
                }

                length = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
                headerLength = 4;
            }
            else if (length == 127)
            {
                if (head.Length < 10)
                {
                    break;
                }

                length = (long)BinaryPrimitives.ReadUInt64BigEndian(head[2..]);
                headerLength = 10;
            }

            if (length > MaxMessage)
            {
                throw new BotException(ErrorKind.ProtocolViolation, $"A server frame of {length} bytes is over the bot's {MaxMessage}-byte limit.");
            }

            int total = headerLength + (int)length;
            if (head.Length < total)
            {
                if (total > _buffer.Length - _start)
                {
                    Grow(Math.Max(total, _buffer.Length * 2));
                }

                break;
            }

            var payload = new ReadOnlyMemory<byte>(_buffer, _start + headerLength, (int)length);
            _start += total;
            int close = OnFrame(b0, payload, sink);
            if (close != NoClose)
            {
                return close;
            }
        }

        Compact();
        return NoClose;
    }

    private int OnFrame(byte b0, ReadOnlyMemory<byte> payload, IMessageSink sink)
    {
        bool fin = (b0 & 0x80) != 0;
        switch (b0 & 0x0F)
        {
            case 0x2 when fin:
                sink.OnMessage(payload);
                return NoClose;
            case 0x8:
                return payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload.Span) : 1005;
            case 0x9:
                // The server's keep-alive ping must be answered, or it aborts the connection.
                TrySendFrame(0x8A, payload.Span);
                return NoClose;
            case 0xA:
                return NoClose;
            default:
                // The server sends every message as one binary frame; anything else is a finding worth failing on.
                throw new BotException(ErrorKind.ProtocolViolation, $"Unexpected WebSocket frame 0x{b0:x2} (text or fragmented).");
        }
    }

    private void Compact()
    {
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
        else if (_start > _buffer.Length / 2)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
    }
}
