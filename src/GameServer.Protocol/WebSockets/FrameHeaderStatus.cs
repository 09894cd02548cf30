namespace GameServer.Protocol.WebSockets;

/// <summary>What reading a client frame's header found.</summary>
public enum FrameHeaderStatus
{
    /// <summary>The header is whole and valid.</summary>
    Complete,

    /// <summary>More bytes are needed before the header can be judged.</summary>
    Incomplete,

    /// <summary>The frame breaks RFC 6455: close with 1002.</summary>
    ProtocolError,

    /// <summary>The payload is larger than allowed: close with 1009.</summary>
    TooBig,
}
