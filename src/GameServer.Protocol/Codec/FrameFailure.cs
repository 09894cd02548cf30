using MessagePack;

namespace GameServer.Protocol;

/// <summary>The exceptions by which MessagePackReader and our readers say that bytes are not a valid frame.</summary>
internal static class FrameFailure
{
    public static bool IsMalformed(Exception ex) =>
        ex is MalformedFrameException or MessagePackSerializationException or EndOfStreamException
            or OverflowException or ArgumentException or InvalidOperationException;
}
