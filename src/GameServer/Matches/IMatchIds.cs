namespace GameServer.Matches;

/// <summary>
/// Where new matches get their ids: a counter of this process alone, or one the whole cluster shares, so that a
/// match id names one match on every node. Called when a match is opened, never from a tick.
/// </summary>
public interface IMatchIds
{
    /// <summary>An id no other match has had, 1 or more; a cluster's may wait on Redis, so nobody waits for it on a thread.</summary>
    ValueTask<uint> NextAsync(CancellationToken cancellationToken = default);
}
