using GameServer.Spectators;

namespace GameServer.Redis;

/// <summary>
/// The newest entries of the cluster's stream as this node's follow loop read them, in order and with no gap between
/// them: spectators who keep up read here, one parse per entry per node, rather than one XRANGE per spectator per
/// wake-up. One writer (the follow loop); readers take a short lock to copy out.
/// </summary>
internal sealed class FeedStreamCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly FeedEntry[] _ring = new FeedEntry[capacity];
    private int _start;
    private int _count;

    // The cache holds every entry of the stream with an id above this one: the id it was started after, then that of
    // each entry it let go. Until it is started, none.
    private long _completeAfter = long.MaxValue;

    /// <summary>Adds entries read after the last one added, oldest first.</summary>
    public void Append(ReadOnlySpan<FeedEntry> entries)
    {
        lock (_lock)
        {
            foreach (FeedEntry entry in entries)
            {
                if (_count < _ring.Length)
                {
                    _ring[(_start + _count) % _ring.Length] = entry;
                    _count++;
                }
                else
                {
                    // The oldest makes way; the cache is complete only above it from now on.
                    _completeAfter = _ring[_start].Id;
                    _ring[_start] = entry;
                    _start = (_start + 1) % _ring.Length;
                }
            }
        }
    }

    /// <summary>Starts from the stream's position <paramref name="afterId"/>: the entries appended next are all those after it.</summary>
    public void StartAfter(long afterId)
    {
        lock (_lock)
        {
            Array.Clear(_ring);
            _start = 0;
            _count = 0;
            _completeAfter = afterId;
        }
    }

    /// <summary>
    /// Copies the entries with ids from <paramref name="fromId"/> on into <paramref name="into"/>; false when some of
    /// them may be older than the cache holds, and the stream itself must be read.
    /// </summary>
    public bool TryRead(long fromId, Span<FeedEntry> into, out int count)
    {
        count = 0;
        lock (_lock)
        {
            if (fromId <= _completeAfter)
            {
                return false;
            }

            // The first entry at or after fromId: entries are in id order.
            int low = 0;
            int high = _count;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (At(middle).Id < fromId)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            for (int i = low; i < _count && count < into.Length; i++)
            {
                into[count++] = At(i);
            }

            return true;
        }
    }

    private FeedEntry At(int index) => _ring[(_start + index) % _ring.Length];
}
