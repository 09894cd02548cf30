using System.Buffers;
using System.Text.Json;
using GameServer.Matches;

namespace GameServer.Spectators;

public sealed partial class SpectatorStream
{
    private const string TooOld = "Last-Event-ID is older than the replay buffer; here is a fresh scoreboard.";
    private const string Unknown = "Last-Event-ID is not one this server gave (it may have restarted); here is a fresh scoreboard.";

    // Far longer than a node lags behind the stream (its follow loop reads within milliseconds), far shorter than a client waits.
    private static readonly TimeSpan s_catchUpBound = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Places the spectator in the log and returns what it gets before the live events: nothing when it resumes
    /// within the buffer; a <c>reset</c> with a fresh scoreboard when its id is too old or unknown; without an id, a
    /// <c>summary</c> of every live match (the overview) or a <c>score</c> snapshot of the match (its own feed).
    /// </summary>
    private async ValueTask<List<byte[]>> OpenAsync(CancellationToken cancellationToken)
    {
        IFeedLog log = _feed.Log;
        if (_lastEventId > log.LastId)
        {
            await CatchUpAsync(log, cancellationToken);
        }

        long position = log.LastId;
        if (_lastEventId is long last && last >= log.OldestId - 1 && last <= position && last >= log.FirstId - 1)
        {
            _next = last + 1;
            return [];
        }

        // The scoreboard is read after the position: it may already show the first live events that follow it,
        // which is harmless, where the other order could miss one.
        _next = position + 1;
        List<MatchSummary> matches = await MatchesInScopeAsync(cancellationToken);
        if (_lastEventId is long stale)
        {
            string reason = stale > position || stale < log.FirstId - 1 ? Unknown : TooOld;
            byte[] data = Encode(writer => FeedJson.WriteReset(writer, reason, matches));

            // The reset carries the position it was taken at, so that a client that reconnects after it resumes.
            return [SseFrames.Event(FeedEventNames.Reset, data, position)];
        }

        // Snapshots carry no id: they are not in the log, and the client's position should not move for them.
        if (_matchId is null)
        {
            return [SseFrames.Event(FeedEventNames.Summary, Encode(writer => FeedJson.WriteOverview(writer, matches)))];
        }

        var snapshot = new List<byte[]>();
        foreach (MatchSummary match in matches)
        {
            snapshot.Add(SseFrames.Event(FeedEventNames.Score, Encode(writer => FeedJson.WriteScore(writer, match))));
        }

        return snapshot;
    }

    /// <summary>
    /// An id newer than any this node has read may be one another node gave a moment ago (a client that moved
    /// nodes): catch up, for a bounded time, before taking it for unknown.
    /// </summary>
    private static async Task CatchUpAsync(IFeedLog log, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(s_catchUpBound);
        try
        {
            await log.CatchUpAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not caught up in time: the id is judged on what this node holds.
        }
    }

    private async ValueTask<List<MatchSummary>> MatchesInScopeAsync(CancellationToken cancellationToken)
    {
        if (_matchId is uint id)
        {
            return await _feed.Directory.FindAsync(id, cancellationToken) is MatchListing match ? [match.Summary] : [];
        }

        var summaries = new List<MatchSummary>();
        foreach (MatchListing match in await _feed.Directory.ListAsync(cancellationToken))
        {
            summaries.Add(match.Summary);
        }

        return summaries;
    }

    private static byte[] Encode(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (Utf8JsonWriter writer = FeedJson.CreateWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
