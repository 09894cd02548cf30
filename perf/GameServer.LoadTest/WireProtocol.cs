using GameServer.Protocol;

namespace GameServer.LoadTest;

/// <summary>The protocol version the bots speak (<c>--protocol</c>).</summary>
public enum WireProtocol
{
    /// <summary><c>gameserver.v1</c>: every entity field a MessagePack integer.</summary>
    V1 = ProtocolConstants.Version,

    /// <summary><c>gameserver.v2</c>: the state bit-packed on the game's schema, each frame with the player's own ack.</summary>
    V2 = ProtocolConstants.Version2,
}
