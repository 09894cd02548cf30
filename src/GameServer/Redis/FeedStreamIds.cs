using System.Globalization;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// Maps a stream entry id (<c>ms-seq</c>, given by Redis) to the feed's decimal SSE id and back, with no state, so
/// that every node gives an entry the same id and any node can resume from any id:
/// <c>id = (ms - 2025-01-01) × 2^12 + seq</c>.
/// </summary>
/// <remarks>
/// Twelve bits of sequence keep the id below 2^53, an integer JavaScript holds exactly, until 2094 (2^41 ms after the
/// epoch), the way the in-process ids (ms × 1000) stay below it. The cost: at most 4096 entries within one
/// millisecond of Redis's clock, which no single Redis reaches by writes (it takes well under a million commands a
/// second); only a clock that Redis sees step back for a long while could pile more entries on one millisecond, and
/// those would map onto the next millisecond's ids.
/// </remarks>
internal static class FeedStreamIds
{
    private const int SequenceBits = 12;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    private const long EpochMilliseconds = 1_735_689_600_000;

    /// <summary>The feed id of a stream entry id such as <c>1767225600000-3</c>.</summary>
    public static long ToFeedId(RedisValue streamId)
    {
        string text = streamId.ToString();
        int dash = text.IndexOf('-', StringComparison.Ordinal);
        long milliseconds = long.Parse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture);
        long sequence = long.Parse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return ((milliseconds - EpochMilliseconds) << SequenceBits) + sequence;
    }

    /// <summary>The stream entry id that <paramref name="feedId"/> stands for, to read the stream from.</summary>
    public static RedisValue ToStreamId(long feedId) =>
        string.Create(CultureInfo.InvariantCulture, $"{(feedId >> SequenceBits) + EpochMilliseconds}-{feedId & SequenceMask}");
}
