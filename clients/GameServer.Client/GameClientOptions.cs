namespace GameServer.Client;

/// <summary>Settings of a <see cref="GameClient"/>.</summary>
public sealed class GameClientOptions
{
    /// <summary>The first size of the pooled receive buffer; it grows for larger frames. Default 16 KiB.</summary>
    public int ReceiveBufferSize { get; set; } = 16 * 1024;

    /// <summary>The largest frame the client accepts; a larger one ends the connection. Default 4 MiB.</summary>
    public int MaxFrameSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a connect, a join or a round-trip measurement may take. Default 15 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket keep-alive ping interval. Default 10 s, like the server's.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);
}
