using GameServer.Diagnostics;
using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Connections;

/// <summary>What every player connection shares.</summary>
public sealed class GatewayServices(
    IMatchmaker matchmaker,
    LocalMatches matches,
    ResumeDirectory resumes,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<PlayerConnection> logger)
{
    public IMatchmaker Matchmaker { get; } = matchmaker;

    /// <summary>This node's matches, where a local placement's match is found.</summary>
    public LocalMatches Matches { get; } = matches;

    public ResumeDirectory Resumes { get; } = resumes;

    public GatewayOptions Options { get; } = options.Value;

    public GatewayMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    public ILogger<PlayerConnection> Logger { get; } = logger;
}
