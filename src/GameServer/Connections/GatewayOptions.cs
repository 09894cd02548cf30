using System.ComponentModel.DataAnnotations;
using GameServer.Transport;

namespace GameServer.Connections;

/// <summary>Limits and timings of player connections (configuration section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>How often the server pings an idle peer at the WebSocket level. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Gateway:KeepAliveInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a peer may leave a ping unanswered before it is aborted. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Gateway:KeepAliveTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection may stay without joining a match before it is closed. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Gateway:JoinTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Frames a connection may have waiting to be sent; beyond that its deltas are dropped. Default 32 (about 1 s at 30 Hz).</summary>
    [Range(4, 4096, ErrorMessage = "Gateway:OutboundQueueFrames must be between 4 and 4096.")]
    public int OutboundQueueFrames { get; set; } = 32;

    /// <summary>
    /// What serves plain (not TLS) upgrades: the lean transport (on Linux, whose epoll it uses; elsewhere Kestrel's),
    /// or Kestrel and .NET's WebSocket as TLS and HTTP/2 upgrades always are (perf/RESULTS.md has the figures behind
    /// the default). Default Lean.
    /// </summary>
    public GameTransport Transport { get; set; } = GameTransport.Lean;

    /// <summary>
    /// Whether the lean transport batches its socket calls through io_uring, where Linux allows it (5.6 and later, and
    /// no seccomp filter that blocks it): a match's writes of a tick go to the kernel in one submission, and so do the
    /// reads of the sockets one epoll wait found readable, instead of one send(2) or recv(2) each. Elsewhere, or when
    /// false, one call each (perf/RESULTS.md, "Sends batched through io_uring"). Default true.
    /// </summary>
    public bool UseIoUring { get; set; } = true;

    /// <summary>How long a player may stay behind (deltas dropped, no resync taken) before it is closed with 4000. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Gateway:MaxBehind must be between 00:00:01 and 00:10:00.")]
    public TimeSpan MaxBehind { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages per second a client may send (inputs and pings together). Default 60.</summary>
    [Range(1, 1000, ErrorMessage = "Gateway:MessagesPerSecond must be between 1 and 1000.")]
    public int MessagesPerSecond { get; set; } = 60;

    /// <summary>
    /// Messages a client may send in a burst above the rate. Default 60: a second's worth, because a receive loop that
    /// an overloaded server ran late reads a second of honest messages at once (seen at 2000 bots).
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Gateway:MessageBurst must be between 1 and 1000.")]
    public int MessageBurst { get; set; } = 60;

    /// <summary>Messages over the rate, dropped in each of two seconds in a row, that close the connection with 1008. Default 120.</summary>
    [Range(1, 100_000, ErrorMessage = "Gateway:FloodLimit must be between 1 and 100000.")]
    public int FloodLimit { get; set; } = 120;

    /// <summary>Messages invalid in the connection's state (answered with Error 1) before the connection is closed with 1008. Default 5.</summary>
    [Range(1, 1000, ErrorMessage = "Gateway:MaxInvalidMessages must be between 1 and 1000.")]
    public int MaxInvalidMessages { get; set; } = 5;

    /// <summary>How long a disconnected player keeps its place for a resume. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Gateway:ResumeGracePeriod must be between 00:00:00 and 00:10:00.")]
    public TimeSpan ResumeGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping server waits for connections to close after telling them (1001). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Gateway:ShutdownTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Origins allowed to open a WebSocket from a browser; empty allows every origin. Default empty.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
