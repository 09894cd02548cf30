using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Spectators;

/// <summary>What every spectator stream shares: the log, the directory for snapshots, this node's streams, options, metrics, logging.</summary>
public sealed class SpectatorFeed(
    IFeedLog log,
    IMatchDirectory directory,
    SpectatorRegistry spectators,
    IOptions<SpectatorFeedOptions> options,
    SpectatorMetrics metrics,
    ILogger<SpectatorStream> logger)
{
    public IFeedLog Log { get; } = log;

    public IMatchDirectory Directory { get; } = directory;

    public SpectatorRegistry Spectators { get; } = spectators;

    public SpectatorFeedOptions Options { get; } = options.Value;

    public SpectatorMetrics Metrics { get; } = metrics;

    public ILogger<SpectatorStream> Logger { get; } = logger;
}
