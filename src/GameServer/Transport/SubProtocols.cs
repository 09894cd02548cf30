using GameServer.Protocol;

namespace GameServer.Transport;

/// <summary>
/// The subprotocols the gateway serves side by side (protocol.md, "Version 2"): version 2 when the client offers it,
/// version 1 when it offers only that, so clients not yet on v2 (the browser game) keep playing.
/// </summary>
public static class SubProtocols
{
    /// <summary>The version to speak: 2, 1, or 0 when the client offers neither subprotocol.</summary>
    public static int Choose(bool offersV1, bool offersV2) =>
        offersV2 ? ProtocolConstants.Version2 : offersV1 ? ProtocolConstants.Version : 0;

    /// <summary>The subprotocol's name for a version <see cref="Choose"/> returned.</summary>
    public static string Name(int version) => version == ProtocolConstants.Version2 ? ProtocolConstants.SubProtocolV2 : ProtocolConstants.SubProtocol;
}
