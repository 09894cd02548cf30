using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Seats;
using Microsoft.Extensions.Options;

namespace GameServer.Connections;

/// <summary>What every player connection shares.</summary>
public sealed class GatewayServices(
    IMatchmaker matchmaker,
    LocalMatches matches,
    ResumeDirectory resumes,
    SeatClaims seats,
    IOptions<GatewayOptions> options,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<PlayerConnection> logger)
{
    public IMatchmaker Matchmaker { get; } = matchmaker;

    /// <summary>This node's matches, where a local placement's match is found.</summary>
    public LocalMatches Matches { get; } = matches;

    public ResumeDirectory Resumes { get; } = resumes;

    /// <summary>Where a seat presented on the upgrade is taken.</summary>
    public SeatClaims Seats { get; } = seats;

    public GatewayOptions Options { get; } = options.Value;

    public GatewayMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    public ILogger<PlayerConnection> Logger { get; } = logger;
}
