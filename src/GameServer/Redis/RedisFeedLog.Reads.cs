using GameServer.Spectators;
using StackExchange.Redis;

namespace GameServer.Redis;

public sealed partial class RedisFeedLog
{
    /// <summary>Reads the stream from <paramref name="fromId"/> on (XRANGE); an id older than the oldest held is lost history.</summary>
    public async ValueTask<FeedRead> ReadAsync(long fromId, Memory<FeedEntry> into, CancellationToken cancellationToken = default)
    {
        if (fromId < OldestId)
        {
            return FeedRead.Lost;
        }

        // Nothing past the newest entry seen: no need to ask Redis, which may be away (the heartbeats wake readers then too).
        if (fromId > LastId)
        {
            return default;
        }

        // A spectator that keeps up reads what the follow loop already took; only one catching up asks Redis.
        if (_cache.TryRead(fromId, into.Span, out int cached))
        {
            return new FeedRead(cached, HistoryLost: false);
        }

        StreamEntry[] entries;
        try
        {
            entries = await Database.StreamRangeAsync(_options.FeedStreamKey, FeedStreamIds.ToStreamId(fromId), "+", into.Length)
                .WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis went away in the middle of a spectator's catching up: it stays connected and reads on at a later wake-up.
            return default;
        }

        Span<FeedEntry> span = into.Span;
        for (int i = 0; i < entries.Length; i++)
        {
            span[i] = ToFeedEntry(entries[i]);
        }

        return new FeedRead(entries.Length, HistoryLost: false);
    }

    private static FeedEntry ToFeedEntry(StreamEntry entry) => new(
        FeedStreamIds.ToFeedId(entry.Id),
        (uint)entry[s_matchField],
        entry[s_eventField].ToString(),
        (byte[])entry[s_dataField]!);
}
