using GameServer.Matches;

namespace GameServer.Spectators;

/// <summary>
/// Holds back each match's standings so that at most N <c>score</c> events a second go out per match: a change
/// marks the match dirty; a dirty match is emitted when its last score is at least 1/N s old, and the trailing
/// change of a burst goes out when the pump comes back for it. Used by the pump's thread only.
/// </summary>
internal sealed class ScoreCoalescer(TimeProvider time, TimeSpan period)
{
    private readonly Dictionary<uint, State> _matches = [];
    private readonly List<MatchSummary> _due = [];

    public void MarkDirty(MatchSummary standings)
    {
        if (!_matches.TryGetValue(standings.Id, out State? state))
        {
            state = new State();
            _matches.Add(standings.Id, state);
        }

        state.Pending = standings;
    }

    /// <summary>Forgets a removed match, and any standings it still held back.</summary>
    public void Forget(uint matchId) => _matches.Remove(matchId);

    /// <summary>The standings due now, in no particular order; returns how long until the next one is due (or null).</summary>
    public TimeSpan? TakeDue(long now, out List<MatchSummary> due)
    {
        _due.Clear();
        TimeSpan? next = null;
        foreach (State state in _matches.Values)
        {
            if (state.Pending is null)
            {
                continue;
            }

            TimeSpan since = state.LastAt is long last ? time.GetElapsedTime(last, now) : TimeSpan.MaxValue;
            if (since >= period)
            {
                _due.Add(state.Pending);
                state.Pending = null;
                state.LastAt = now;
            }
            else if (next is null || period - since < next)
            {
                next = period - since;
            }
        }

        due = _due;
        return next;
    }

    private sealed class State
    {
        public MatchSummary? Pending { get; set; }

        public long? LastAt { get; set; }
    }
}
