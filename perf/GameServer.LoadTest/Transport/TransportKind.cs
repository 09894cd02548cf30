namespace GameServer.LoadTest;

/// <summary>Which WebSocket client the bots use.</summary>
public enum TransportKind
{
    /// <summary>A raw socket with hand-written RFC 6455 client framing: the default; on one core it kept up where <see cref="ClientWebSocket"/> did not (perf/RESULTS.md).</summary>
    Raw,

    /// <summary>System.Net.WebSockets.ClientWebSocket, for comparison.</summary>
    ClientWebSocket,
}
