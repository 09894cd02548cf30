namespace GameServer.Protocol.WebSockets;

/// <summary>A validated header of one masked client frame.</summary>
/// <param name="Final">FIN: the last frame of its message.</param>
/// <param name="Opcode">What the frame carries.</param>
/// <param name="HeaderLength">Bytes before the payload, the 4-byte mask key included.</param>
/// <param name="PayloadLength">Bytes of payload after the header.</param>
/// <param name="Mask">The masking key, in the byte order it has on the wire.</param>
public readonly record struct ClientFrameHeader(bool Final, WebSocketOpcode Opcode, int HeaderLength, int PayloadLength, uint Mask)
{
    /// <summary>Header and payload together.</summary>
    public int FrameLength => HeaderLength + PayloadLength;

    public bool IsControl => ((byte)Opcode & 0x8) != 0;
}
