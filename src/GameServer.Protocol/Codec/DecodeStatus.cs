namespace GameServer.Protocol;

/// <summary>The outcome of reading one received frame.</summary>
public enum DecodeStatus
{
    /// <summary>A valid message was read.</summary>
    Ok,

    /// <summary>Not MessagePack, not one array, or not the shape its type requires (close with 1007).</summary>
    Malformed,

    /// <summary>A well-formed array with a message type this reader does not know (protocol.md's rule applies).</summary>
    UnknownType,
}
