using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Spectators;
using Microsoft.Extensions.Options;

namespace GameServer.Matches;

/// <summary>What every match host shares: clock, options, metrics, logging and the resume directory.</summary>
public sealed class MatchServices(
    TimeProvider time,
    IOptions<GatewayOptions> gateway,
    IOptions<MatchmakingOptions> matchmaking,
    GatewayMetrics metrics,
    ResumeDirectory resumes,
    IMatchEventLog events,
    ILogger<MatchHost> logger)
{
    public TimeProvider Time { get; } = time;

    public GatewayOptions Gateway { get; } = gateway.Value;

    public MatchmakingOptions Matchmaking { get; } = matchmaking.Value;

    public GatewayMetrics Metrics { get; } = metrics;

    public ResumeDirectory Resumes { get; } = resumes;

    public IMatchEventLog Events { get; } = events;

    /// <summary>The matches' logger; it never throws, because it is called on the tick threads (joins, leaves, removals).</summary>
    public ILogger Logger { get; } = new GuardedLogger(logger);
}
