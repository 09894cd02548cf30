using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GameServer.Protocol;

/// <summary>An opaque 16-byte secret that lets a player take its place back after a dropped connection.</summary>
public readonly record struct ResumeToken(ulong High, ulong Low)
{
    private static readonly char[] s_notBase64Url = ['+', '/', '='];

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

    /// <summary>The token as a reconnecting client's upgrade carries it (<c>?resume=</c>): base64url of its 16 bytes, no padding, 22 characters.</summary>
    public string ToBase64Url()
    {
        byte[] bytes = new byte[ProtocolConstants.ResumeTokenBytes];
        WriteTo(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads the form of <see cref="ToBase64Url"/>; false for anything else (untrusted input: the length is checked first).</summary>
    public static bool TryParseBase64Url(string? text, out ResumeToken token)
    {
        token = None;
        Span<byte> bytes = stackalloc byte[ProtocolConstants.ResumeTokenBytes];
        if (text is not { Length: 22 } || text.IndexOfAny(s_notBase64Url) >= 0 || !Convert.TryFromBase64String(text.Replace('-', '+').Replace('_', '/') + "==", bytes, out int written)
            || written != bytes.Length)
        {
            return false;
        }

        token = FromBytes(bytes);
        return true;
    }
}
