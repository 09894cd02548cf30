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

        StreamEntry[] entries = await Database.StreamRangeAsync(_options.FeedStreamKey, FeedStreamIds.ToStreamId(fromId), "+", into.Length)
            .WaitAsync(cancellationToken);
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
