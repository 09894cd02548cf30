namespace GameServer.Protocol;

/// <summary>Fixed facts of the wire protocol that client and server share (protocol.md, "Transport").</summary>
public static class ProtocolConstants
{
    /// <summary>The protocol version carried in Welcome.</summary>
    public const int Version = 1;

    /// <summary>The WebSocket subprotocol of version 1.</summary>
    public const string SubProtocol = "gameserver.v1";

    /// <summary>The protocol version of <see cref="SubProtocolV2"/>, carried in its Welcome.</summary>
    public const int Version2 = 2;

    /// <summary>The WebSocket subprotocol of version 2 (schema-driven state, docs/netcode-v2.md); preferred when a client offers both.</summary>
    public const string SubProtocolV2 = "gameserver.v2";

    /// <summary>The WebSocket path.</summary>
    public const string Path = "/ws";

    /// <summary>Largest client-to-server message in bytes; a larger one closes the connection with 1009.</summary>
    public const int MaxClientMessageBytes = 1024;

    /// <summary>Largest valid player name in UTF-8 bytes; a longer one is answered with Error 2 (InvalidName).</summary>
    public const int MaxNameBytes = 48;

    /// <summary>Largest valid player name in characters: Unicode code points, not UTF-16 code units.</summary>
    public const int MaxNameChars = 16;

    /// <summary>Largest name string a Join may carry at all (16 code points of 4 bytes); a longer one is malformed (1007).</summary>
    public const int MaxNameStringBytes = MaxNameChars * 4;

    /// <summary>The most entities a match's world may hold, in any version; a frame that declares more is malformed.</summary>
    public const int MaxEntities = 8192;

    /// <summary>Length of a resume token in bytes.</summary>
    public const int ResumeTokenBytes = 16;
}
