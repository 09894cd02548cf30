namespace GameServer.Spectators;

/// <summary>The log as its followers see it: positions and reads over the ring, answered at once.</summary>
public sealed partial class InMemoryMatchEventLog
{
    public long OldestId => Ring.OldestId;

    public long LastId => Ring.LastId;

    /// <summary>Appends to the ring under the next consecutive id; the pump's next pass wakes the followers.</summary>
    public void Append(uint matchId, string eventName, byte[] data)
    {
        var entry = new FeedEntry(Ring.NextId, matchId, eventName, data);
        Ring.Append(entry);
        _overviewAppended |= entry.IsOverview;
        _metrics.Appended();
    }

    public ValueTask<FeedRead> ReadAsync(long fromId, Memory<FeedEntry> into, CancellationToken cancellationToken = default)
    {
        Span<FeedEntry> entries = into.Span;
        long last = Ring.LastId;
        int count = 0;
        for (long id = fromId; id <= last && count < entries.Length; id++)
        {
            // An id the ring no longer holds: lost, unless entries before it were read, which stay good.
            if (!Ring.TryGet(id, out entries[count]))
            {
                return ValueTask.FromResult(count == 0 ? FeedRead.Lost : new FeedRead(count, HistoryLost: false));
            }

            count++;
        }

        return ValueTask.FromResult(new FeedRead(count, HistoryLost: false));
    }
}
