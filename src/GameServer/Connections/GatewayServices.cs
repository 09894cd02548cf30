using GameServer.Diagnostics;
using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Connections;

/// <summary>What every player connection shares.</summary>
public sealed class GatewayServices(
    IMatchmaker matchmaker,
    ResumeDirectory resumes,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<PlayerConnection> logger)
{
    public IMatchmaker Matchmaker { get; } = matchmaker;

    public ResumeDirectory Resumes { get; } = resumes;

    public GatewayOptions Options { get; } = options.Value;

    public GatewayMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    public ILogger<PlayerConnection> Logger { get; } = logger;
}
