namespace GameServer.Spectators;

/// <summary>
/// One spectator's stream: a filtered view of the log, read from the spectator's own position at its own pace:
/// one match's every event (<c>/matches/{id}/events</c>), or the overview of them all (<c>/events</c>).
/// It writes the log's own preformatted events (<see cref="FeedEntry.Frame"/>) to its <see cref="ISpectatorOutput"/>,
/// a burst of them in one flush: a spectator holds no buffer of its own, only its place in the log.
/// </summary>
public sealed partial class SpectatorStream
{
    private static readonly byte[] s_heartbeat = ": heartbeat\n\n"u8.ToArray();

    // Entries taken from the log per read: one read for a burst, and little held per spectator.
    private const int ReadBatch = 16;

    private readonly SpectatorFeed _feed;
    private readonly ISpectatorOutput _output;
    private readonly uint? _matchId;
    private readonly long? _lastEventId;
    private long _next;
    private int _dropped;

    /// <param name="matchId">The one match to show, or null for all of them.</param>
    /// <param name="lastEventId">The last id the client has seen (negative: one it sent that is not an id), or null.</param>
    public SpectatorStream(SpectatorFeed feed, ISpectatorOutput output, uint? matchId, long? lastEventId)
    {
        _feed = feed;
        _output = output;
        _matchId = matchId;
        _lastEventId = lastEventId;
    }

    /// <summary>The id this spectator reads next; read by the pump to find spectators that fell out of the buffer.</summary>
    public long Next => Volatile.Read(ref _next);

    /// <summary>Writes the stream until the client leaves, the spectator is dropped or the feed completes.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        IFeedLog log = _feed.Log;
        List<byte[]> opening = await OpenAsync(cancellationToken);
        _feed.Spectators.Register(this);
        try
        {
            _output.Add(SseFrames.Retry(_feed.Options.RetryInterval));
            foreach (byte[] frame in opening)
            {
                _feed.Metrics.EventWritten();
                _output.Add(frame);
            }

            await _output.FlushAsync(cancellationToken);

            var batch = new FeedEntry[ReadBatch];
            long heartbeats = log.Heartbeats;
            bool quiet = opening.Count == 0;
            while (!cancellationToken.IsCancellationRequested && !log.IsCompleted)
            {
                // Taken before reading, so an entry appended while this reads still wakes it. The overview's
                // readers wake only for what they show: a thousand matches' scores would wake them all the time.
                Task changed = _matchId is null ? log.OverviewChanged : log.Changed;
                FeedRead read;
                do
                {
                    read = await log.ReadAsync(_next, batch, cancellationToken);
                    if (read.HistoryLost)
                    {
                        Drop();
                        return;
                    }

                    bool ended = false;

                    for (int i = 0; i < read.Count; i++)
                    {
                        // Fell out of the log while this spectator wrote the ones before it: as lost as an entry not read.
                        FeedEntry entry = batch[i];
                        if (entry.Id < log.OldestId)
                        {
                            Drop();
                            return;
                        }

                        Volatile.Write(ref _next, entry.Id + 1);
                        if (_matchId is uint matchId ? entry.MatchId != matchId : !entry.IsOverview)
                        {
                            continue;
                        }

                        quiet = false;
                        _feed.Metrics.EventWritten();
                        _output.Add(entry.Frame);

                        // A match's own stream ends with it; the browser's reconnection then gets 204 and stops.
                        if (_matchId is not null && entry.IsRemoval)
                        {
                            ended = true;
                            break;
                        }
                    }

                    await _output.FlushAsync(cancellationToken);
                    if (ended)
                    {
                        return;
                    }
                }
                while (read.Count == batch.Length);

                if (log.Heartbeats != heartbeats)
                {
                    heartbeats = log.Heartbeats;
                    if (quiet)
                    {
                        _output.Add(s_heartbeat);
                        await _output.FlushAsync(cancellationToken);
                    }

                    quiet = true;
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            _feed.Spectators.Unregister(this);
        }
    }

    /// <summary>Disconnects a spectator that fell out of the buffer while it was parked in a write.</summary>
    internal void Abort() => Drop();

    // Cut, whether the spectator noticed it fell behind or was parked in a write: its client sees a reset connection,
    // never a stream that ended as if it were over.
    private void Drop()
    {
        if (Interlocked.Exchange(ref _dropped, 1) != 0)
        {
            return;
        }

        _feed.Metrics.Dropped();
        LogDropped(_feed.Logger, Next, _feed.Log.OldestId);
        _output.Abort();
    }

    [LoggerMessage(EventId = 51, EventName = "SpectatorTooSlow", Level = LogLevel.Information, Message = "Spectator disconnected: it was to read event {Next}, but the replay buffer starts at {Oldest}")]
    private static partial void LogDropped(ILogger logger, long next, long oldest);
}
