using System.Text;
using GameServer.Spectators;

namespace GameServer.Tests.Seams;

/// <summary>What every <see cref="IFeedLog"/> does, in process or over the network: one subclass per implementation.</summary>
public abstract class FeedLogContractTests
{
    /// <summary>About how many entries the logs under test hold; a test that overflows one appends three times as many.</summary>
    protected const int Holds = 8;

    /// <summary>A new, empty log that holds about <see cref="Holds"/> entries.</summary>
    protected abstract IFeedLog CreateLog();

    /// <summary>Lets the log hand what was appended to its readers and followers (a pump's pass, a flush).</summary>
    protected abstract Task DeliverAsync(IFeedLog log);

    [Fact]
    public async Task ReadAsync_FromTheNextIdAfterAppends_GivesExactlyThoseEntriesInOrder()
    {
        IFeedLog log = CreateLog();
        long from = await AppendThreeAsync(log);

        List<FeedEntry> entries = await ReadAllAsync(log, from);

        Assert.Equal([1u, 2u, 1u], entries.Select(e => e.MatchId));
        Assert.Equal(["score", "kill", "match.ended"], entries.Select(e => e.EventName));
        Assert.Equal(["a", "b", "c"], entries.Select(e => Encoding.UTF8.GetString(e.Data)));
        Assert.True(entries[0].Id >= from && entries[0].Id < entries[1].Id && entries[1].Id < entries[2].Id);
        Assert.Equal(entries[2].Id, log.LastId);
        Assert.Empty(await ReadAllAsync(log, log.LastId + 1));
    }

    [Fact]
    public async Task ReadAsync_IntoASmallBuffer_GivesTheOldestFirstAndTheRestFromTheNextId()
    {
        IFeedLog log = CreateLog();
        long from = await AppendThreeAsync(log);

        var buffer = new FeedEntry[2];
        FeedRead first = await log.ReadAsync(from, buffer);
        Assert.Equal(new FeedRead(2, HistoryLost: false), first);
        Assert.Equal(["score", "kill"], buffer.Select(e => e.EventName));
        FeedRead rest = await log.ReadAsync(buffer[1].Id + 1, buffer);
        Assert.Equal(new FeedRead(1, HistoryLost: false), rest);
        Assert.Equal("match.ended", buffer[0].EventName);
    }

    [Fact]
    public async Task ReadAsync_EmptyLog_GivesNothingAndLosesNothing()
    {
        IFeedLog log = CreateLog();

        Assert.Equal(log.FirstId - 1, log.LastId);
        Assert.Equal(new FeedRead(0, HistoryLost: false), await log.ReadAsync(log.FirstId, new FeedEntry[4]));
    }

    [Fact]
    public async Task OldestId_AfterMoreThanTheLogHolds_IsWhereReadingLosesNothing()
    {
        IFeedLog log = CreateLog();
        AppendMany(log, 3 * Holds);
        await DeliverAsync(log);

        List<FeedEntry> held = await ReadAllAsync(log, log.OldestId);

        Assert.True(log.OldestId > log.FirstId);
        Assert.NotEmpty(held);
        Assert.True(held[0].Id >= log.OldestId);
        Assert.Equal(log.LastId, held[^1].Id);
    }

    [Fact]
    public async Task ReadAsync_FromAnIdOlderThanTheOldest_SaysHistoryLost()
    {
        IFeedLog log = CreateLog();
        long first = log.LastId + 1;
        AppendMany(log, 3 * Holds);
        await DeliverAsync(log);

        Assert.True((await log.ReadAsync(first, new FeedEntry[4])).HistoryLost);
        Assert.True((await log.ReadAsync(log.OldestId - 1, new FeedEntry[4])).HistoryLost);
    }

    [Fact]
    public async Task Changed_FollowingLive_CompletesWhenAnEntryIsAppended()
    {
        IFeedLog log = CreateLog();
        long from = log.LastId + 1;
        Task changed = log.Changed;
        Assert.False(changed.IsCompleted);

        log.Append(7, "match.started", Data("{}"));
        await DeliverAsync(log);
        await changed.WaitAsync(TimeSpan.FromSeconds(15));

        FeedEntry entry = Assert.Single(await ReadAllAsync(log, from));
        Assert.Equal(7u, entry.MatchId);
    }

    /// <summary>Appends three entries of two matches and delivers them; returns the id to read them from.</summary>
    private async Task<long> AppendThreeAsync(IFeedLog log)
    {
        long from = log.LastId + 1;
        log.Append(1, "score", Data("a"));
        log.Append(2, "kill", Data("b"));
        log.Append(1, "match.ended", Data("c"));
        await DeliverAsync(log);
        return from;
    }

    private static void AppendMany(IFeedLog log, int count)
    {
        for (int i = 0; i < count; i++)
        {
            log.Append(1, "score", Data(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static async Task<List<FeedEntry>> ReadAllAsync(IFeedLog log, long from)
    {
        var entries = new List<FeedEntry>();
        var buffer = new FeedEntry[4];
        FeedRead read;
        do
        {
            read = await log.ReadAsync(from, buffer);
            Assert.False(read.HistoryLost);
            entries.AddRange(buffer.Take(read.Count));
            from = read.Count > 0 ? buffer[read.Count - 1].Id + 1 : from;
        }
        while (read.Count == buffer.Length);

        return entries;
    }

    private static byte[] Data(string text) => Encoding.UTF8.GetBytes(text);
}
