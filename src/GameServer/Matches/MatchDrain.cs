namespace GameServer.Matches;

/// <summary>
/// A node stopping gracefully ends its matches, each telling the feed why, before the feed and the directory stop
/// (hosted services stop in reverse order of registration): spectators anywhere in the cluster see the matches end,
/// rather than vanish.
/// </summary>
internal sealed class MatchDrain(LocalMatches matches) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => matches.EndAllAsync(MatchEndReason.Shutdown, cancellationToken);
}
