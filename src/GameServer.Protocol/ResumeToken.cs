using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GameServer.Protocol;

/// <summary>An opaque 16-byte secret that lets a player take its place back after a dropped connection.</summary>
public readonly record struct ResumeToken(ulong High, ulong Low)
{
    /// <summary>The absent token.</summary>
    public static ResumeToken None => default;

    /// <summary>Whether this is the absent token.</summary>
    public bool IsNone => High == 0 && Low == 0;

    /// <summary>A new random token from a cryptographic source.</summary>
    public static ResumeToken NewRandom()
    {
        Span<byte> bytes = stackalloc byte[ProtocolConstants.ResumeTokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return FromBytes(bytes);
    }

    /// <summary>Reads a token from exactly 16 bytes.</summary>
    public static ResumeToken FromBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(8)));

    /// <summary>Writes the token's 16 bytes.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), Low);
    }
}
