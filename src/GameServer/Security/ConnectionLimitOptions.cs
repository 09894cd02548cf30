using System.ComponentModel.DataAnnotations;

namespace GameServer.Security;

/// <summary>Caps on long-lived connections, players' and spectators' alike (configuration section "Limits").</summary>
public sealed class ConnectionLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Open WebSocket and SSE connections one IP address may hold; the next gets 429. Default 64.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Limits:MaxConnectionsPerIp must be between 1 and 1000000.")]
    public int MaxConnectionsPerIp { get; set; } = 64;

    /// <summary>Open WebSocket and SSE connections in all; the next gets 429. Default 20000.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Limits:MaxConnections must be between 1 and 10000000.")]
    public int MaxConnections { get; set; } = 20_000;

    /// <summary>How long a TCP connection may stay idle before its (next) HTTP request, or take to send its headers. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Limits:IdleTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Proxies whose X-Forwarded-For is believed (IP addresses); none by default, so the socket's peer counts.</summary>
    public string[] TrustedProxies { get; set; } = [];
}
