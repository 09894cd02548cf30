namespace GameServer.Spectators;

/// <summary>
/// The replay buffer: the latest entries by id, in a ring. One writer (the feed's pump) appends; any number of
/// spectators read without locks. An entry carries its id, so a reader that finds another id in the slot knows
/// its entry was overwritten: it fell out of the buffer.
/// </summary>
public sealed class FeedRing
{
    private readonly FeedEntry?[] _slots;
    private readonly long _firstId;
    private long _lastId;

    /// <param name="capacity">Entries kept.</param>
    /// <param name="lastId">The id before the first one to be appended.</param>
    public FeedRing(int capacity, long lastId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new FeedEntry?[capacity];
        _lastId = lastId;
        _firstId = lastId + 1;
    }

    /// <summary>The id of the newest entry (or the id before the first, while there is none).</summary>
    public long LastId => Volatile.Read(ref _lastId);

    /// <summary>The id of the oldest entry still held.</summary>
    public long OldestId => Math.Max(_firstId, LastId - _slots.Length + 1);

    /// <summary>The id the next entry will get.</summary>
    public long NextId => LastId + 1;

    /// <summary>Appends an entry whose id is <see cref="NextId"/>; one writer only.</summary>
    public void Append(FeedEntry entry)
    {
        long id = Volatile.Read(ref _lastId) + 1;
        if (entry.Id != id)
        {
            throw new ArgumentException($"Entry {entry.Id} appended where {id} was due.", nameof(entry));
        }

        // The slot is published before the id, so a reader that sees the id sees the entry.
        Volatile.Write(ref _slots[id % _slots.Length], entry);
        Volatile.Write(ref _lastId, id);
    }

    /// <summary>The entry with this id, or false when it is not (or no longer) held.</summary>
    public bool TryGet(long id, out FeedEntry entry)
    {
        if (id >= _firstId && id <= LastId)
        {
            FeedEntry? found = Volatile.Read(ref _slots[id % _slots.Length]);
            if (found is not null && found.Id == id)
            {
                entry = found;
                return true;
            }
        }

        entry = null!;
        return false;
    }
}
