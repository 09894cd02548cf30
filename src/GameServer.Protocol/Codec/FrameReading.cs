using System.Buffers;
using MessagePack;

namespace GameServer.Protocol;

/// <summary>Reading rules every message shares: one array per frame, a type first, extra trailing elements ignored.</summary>
internal static class FrameReading
{
    /// <summary>Reads the outer array header and the message type; returns the array length.</summary>
    public static int ReadHeader(ref MessagePackReader reader, out byte type)
    {
        if (reader.NextMessagePackType != MessagePackType.Array)
        {
            MalformedFrameException.Throw("A frame must be one MessagePack array.");
        }

        int length = reader.ReadArrayHeader();
        if (length < 1)
        {
            MalformedFrameException.Throw("A frame's array must start with the message type.");
        }

        type = reader.ReadByte();
        return length;
    }

    public static void RequireLength(int length, int required, string message)
    {
        if (length < required)
        {
            MalformedFrameException.Throw(message);
        }
    }

    /// <summary>Skips elements a later protocol version appended, then requires the frame to end.</summary>
    public static void EndFrame(ref MessagePackReader reader, int extra)
    {
        SkipExtra(ref reader, extra);
        if (!reader.End)
        {
            MalformedFrameException.Throw("Bytes follow the frame's array.");
        }
    }

    public static void SkipExtra(ref MessagePackReader reader, int extra)
    {
        for (int i = 0; i < extra; i++)
        {
            reader.Skip();
        }
    }

    public static uint? ReadOptionalUInt32(ref MessagePackReader reader) => reader.TryReadNil() ? null : reader.ReadUInt32();

    public static ResumeToken ReadToken(ref MessagePackReader reader)
    {
        ReadOnlySequence<byte>? bytes = reader.ReadBytes();
        if (bytes is null)
        {
            return ResumeToken.None;
        }

        if (bytes.Value.Length != ProtocolConstants.ResumeTokenBytes)
        {
            MalformedFrameException.Throw("A resume token must be 16 bytes.");
        }

        Span<byte> buffer = stackalloc byte[ProtocolConstants.ResumeTokenBytes];
        bytes.Value.CopyTo(buffer);
        return ResumeToken.FromBytes(buffer);
    }

    public static void WriteToken(ref MessagePackWriter writer, ResumeToken token)
    {
        if (token.IsNone)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteBinHeader(ProtocolConstants.ResumeTokenBytes);
        token.WriteTo(writer.GetSpan(ProtocolConstants.ResumeTokenBytes));
        writer.Advance(ProtocolConstants.ResumeTokenBytes);
    }

    public static MatchPhase ReadPhase(ref MessagePackReader reader)
    {
        byte phase = reader.ReadByte();
        if (phase > (byte)MatchPhase.Ended)
        {
            MalformedFrameException.Throw("Unknown match phase.");
        }

        return (MatchPhase)phase;
    }
}
