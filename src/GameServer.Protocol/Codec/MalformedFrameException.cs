using System.Diagnostics.CodeAnalysis;

namespace GameServer.Protocol;

/// <summary>A frame is well-formed MessagePack but not a valid message; caught by the readers, never escapes them.</summary>
internal sealed class MalformedFrameException(string message) : Exception(message)
{
    [DoesNotReturn]
    public static void Throw(string message) => throw new MalformedFrameException(message);
}
