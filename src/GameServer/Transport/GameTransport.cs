namespace GameServer.Transport;

/// <summary>Which transport serves plain upgrades to the players' WebSocket (perf/RESULTS.md has the figures).</summary>
public enum GameTransport
{
    /// <summary>The server's own socket loop after its own handshake: the default.</summary>
    Lean,

    /// <summary>Kestrel and .NET's WebSocket for every upgrade, as for TLS and HTTP/2 anyway.</summary>
    Kestrel,
}
