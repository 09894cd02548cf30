using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Spectators;

public sealed partial class InMemoryMatchEventLog
{
    private static readonly TimeSpan s_minimumWait = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// One pass of the pump (its thread only): appends what the ticks queued, then the scores and the summary that are due, beats
    /// the heartbeat when due, drops spectators that fell out of the buffer, and wakes the rest. Returns how long
    /// the pump may wait for the next publish before timed work is due.
    /// </summary>
    internal TimeSpan Pump()
    {
        long now = _time.GetTimestamp();
        _wake.Reset();
        Volatile.Write(ref _wakePending, 0);
        while (_pending.TryDequeue(out PendingFeedEvent pending))
        {
            try
            {
                Append(pending, now);
            }
            catch (Exception exception)
            {
                Discard(pending.MatchId, exception);
            }
        }

        while (_drainChanges.TryDequeue(out NodeDrainChange change))
        {
            try
            {
                FeedJson.WriteNodeDraining(_json, change.Node, change.Draining);
                AppendEntry(0, FeedEventNames.NodeDraining);
            }
            catch (Exception exception)
            {
                Discard(0, exception);
            }
        }

        TimeSpan? scoreWait = _scores.TakeDue(now, out List<MatchSummary> due);
        foreach (MatchSummary standings in due)
        {
            try
            {
                FeedJson.WriteScore(_json, standings);
                AppendEntry(standings.Id, FeedEventNames.Score);
            }
            catch (Exception exception)
            {
                Discard(standings.Id, exception);
            }
        }

        bool summaryDue = _summaries.TryTakeDue(now, out List<MatchSummary> summaries, out TimeSpan summaryWait);
        if (summaryDue)
        {
            try
            {
                FeedJson.WriteOverview(_json, summaries);
                AppendEntry(0, FeedEventNames.Summary);
            }
            catch (Exception exception)
            {
                Discard(0, exception);
            }
        }

        // Against the last pulse rather than this pass's start: an Append made between passes wakes the followers too.
        long last = Ring.LastId;
        bool changed = last != _pulsedLastId;
        bool beat = false;
        TimeSpan sinceBeat = _time.GetElapsedTime(_lastHeartbeatAt, now);
        if (sinceBeat >= Options.HeartbeatInterval)
        {
            Volatile.Write(ref _heartbeats, _heartbeats + 1);
            _lastHeartbeatAt = now;
            sinceBeat = TimeSpan.Zero;
            changed = beat = true;
        }

        if (changed)
        {
            _pulsedLastId = last;
            _spectators?.AbortBehind(Ring.OldestId);
            _signal.Pulse();
            PulseOverview(last, beat);
        }

        TimeSpan wait = Options.HeartbeatInterval - sinceBeat;
        if (scoreWait is TimeSpan score && score < wait)
        {
            wait = score;
        }

        if (summaryWait < wait)
        {
            wait = summaryWait;
        }

        return wait < s_minimumWait ? s_minimumWait : wait;
    }

    /// <summary>Blocks the pump's thread until a tick publishes, <see cref="WakePump"/> is called, or <paramref name="timeout"/> passes.</summary>
    internal void WaitForWork(TimeSpan timeout) => _wake.Wait(timeout);

    /// <summary>
    /// Wakes the overview's readers when it has news for them, or a heartbeat; and, with no news, before the entries
    /// they skip fill half the ring: left asleep longer, they would fall out of it and be dropped as too slow.
    /// </summary>
    private void PulseOverview(long last, bool beat)
    {
        if (_overviewAppended || beat || last - _overviewPulsedLastId >= Options.ReplayBufferEvents / 2)
        {
            _overviewAppended = false;
            _overviewPulsedLastId = last;
            _overviewSignal.Pulse();
        }
    }

    private void Append(in PendingFeedEvent pending, long now)
    {
        if (pending.IsRemoval)
        {
            // Standings still held back are moot once the match is gone; its final ones went out with match.ended.
            _scores.Forget(pending.MatchId);
            _summaries.Forget(pending.MatchId);
            FeedJson.WriteRemoved(_json, pending.MatchId);
            AppendEntry(pending.MatchId, FeedEventNames.MatchRemoved);
            return;
        }

        if (FeedJson.WriteEvent(_json, pending.MatchId, pending.Event, pending.Standings) is string name)
        {
            AppendEntry(pending.MatchId, name);
        }

        // Everything but a pickup can change the scoreboard (scores, kills, who plays, the phase); a score orb's
        // points come as their own score-changed event.
        if (pending.Event.Event.Kind != GameEventKind.Pickup)
        {
            _scores.MarkDirty(pending.Standings);
        }

        _summaries.Track(pending.Standings, now);
    }

    private void AppendEntry(uint matchId, string eventName)
    {
        _json.Flush();
        byte[] data = _buffer.WrittenSpan.ToArray();
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _destination.Append(matchId, eventName, data);
    }

    // One event that cannot be written (a bug in its JSON, a standings list that throws) is skipped and counted. The
    // writer and the buffer are reset, since they hold half an event: left as they are, every later event would fail
    // too, and the queue would grow while the feed stood still.
    private void Discard(uint matchId, Exception exception)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Volatile.Write(ref _failedEvents, _failedEvents + 1);
        _metrics.EventFailed();
        if (_failureLogs.TryAcquire(_time.GetTimestamp(), out long suppressed))
        {
            LogEventFailed(_logger, exception, matchId, suppressed);
        }
    }

    [LoggerMessage(EventId = 52, EventName = "FeedEventFailed", Level = LogLevel.Error,
        Message = "An event of match {MatchId} could not be written to the spectator feed and was skipped; {SuppressedCount} other failures were not logged since the last one.")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, uint matchId, long suppressedCount);
}
