using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Spectators;

/// <summary>What every spectator stream shares: the log, the live matches for snapshots, options, metrics, logging.</summary>
public sealed class SpectatorFeed(
    InMemoryMatchEventLog log,
    IMatchmaker matchmaker,
    IOptions<SpectatorFeedOptions> options,
    SpectatorMetrics metrics,
    ILogger<SpectatorStream> logger)
{
    public InMemoryMatchEventLog Log { get; } = log;

    public IMatchmaker Matchmaker { get; } = matchmaker;

    public SpectatorFeedOptions Options { get; } = options.Value;

    public SpectatorMetrics Metrics { get; } = metrics;

    public ILogger<SpectatorStream> Logger { get; } = logger;
}
