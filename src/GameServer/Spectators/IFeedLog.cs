namespace GameServer.Spectators;

/// <summary>
/// The spectator feed's log: encoded events under increasing ids, kept for replay and followed live; the seam a
/// cluster-wide log (a Redis stream) will fill. Ids grow with every entry but need not be consecutive, so an id a
/// stream entry maps to will do; a reader asks for the entries from an id on, never for "id + 1" by arithmetic.
/// </summary>
public interface IFeedLog
{
    /// <summary>The first id this log gave: a lower one comes from another log (a restart), so it is unknown rather than old.</summary>
    long FirstId { get; }

    /// <summary>The oldest id still held: reading from it or anything newer loses nothing.</summary>
    long OldestId { get; }

    /// <summary>The newest id held (while the log is empty, one below <see cref="FirstId"/>).</summary>
    long LastId { get; }

    /// <summary>Completes at the log's next pulse: entries appended, a heartbeat due, or the end of the feed. Read it before reading entries, so nothing appended in between goes unnoticed.</summary>
    Task Changed { get; }

    /// <summary>
    /// Completes at a pulse that matters to a reader of the overview (<c>/events</c>): an overview entry appended
    /// (<see cref="FeedEntry.IsOverview"/>), a heartbeat, the end of the feed, or enough other entries that a reader
    /// left asleep would fall out of the log. Its readers skip the rest, so they need not wake for every score.
    /// </summary>
    Task OverviewChanged { get; }

    /// <summary>Heartbeats so far: a follower that wrote nothing since the last one writes a heartbeat comment.</summary>
    long Heartbeats { get; }

    /// <summary>Whether the feed has ended here (the server is stopping): every follower stops.</summary>
    bool IsCompleted { get; }

    /// <summary>
    /// Adds an encoded event at the end; the log gives it its id and wakes the followers at its next pulse. Never
    /// blocks (a networked log queues it); one writer per node, the feed's pump.
    /// </summary>
    void Append(uint matchId, string eventName, byte[] data);

    /// <summary>
    /// Completes once this node holds every entry the log had when asked, so that an id another node gave a moment
    /// ago is known here rather than taken for one from another log. At once for a log of one node.
    /// </summary>
    Task CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Reads the entries with ids from <paramref name="fromId"/> on, oldest first, as many as <paramref name="into"/> holds.</summary>
    ValueTask<FeedRead> ReadAsync(long fromId, Memory<FeedEntry> into, CancellationToken cancellationToken = default);
}
