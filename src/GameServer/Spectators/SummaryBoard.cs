using GameServer.Matches;

namespace GameServer.Spectators;

/// <summary>
/// This node's live matches as the pump last saw their standings, for the periodic <c>summary</c> event of the
/// overview (<c>/events</c>). Each node summarises only its own matches, on its own timer: on a cluster the
/// summaries of every node meet in the shared log, and no node needs to know another's matches. The pump's thread only.
/// </summary>
internal sealed class SummaryBoard(TimeProvider time, TimeSpan interval)
{
    private readonly Dictionary<uint, Seen> _matches = [];
    private readonly List<MatchSummary> _due = [];
    private long _lastAt = time.GetTimestamp();

    public void Track(MatchSummary standings, long now) => _matches[standings.Id] = new Seen(standings, now);

    public void Forget(uint matchId) => _matches.Remove(matchId);

    /// <summary>
    /// When a summary is due and this node has matches: true, with each match's standings as of now, in id order.
    /// <paramref name="wait"/> is how long until the next one is due.
    /// </summary>
    public bool TryTakeDue(long now, out List<MatchSummary> due, out TimeSpan wait)
    {
        due = _due;
        TimeSpan since = time.GetElapsedTime(_lastAt, now);
        if (since < interval)
        {
            wait = interval - since;
            return false;
        }

        _lastAt = now;
        wait = interval;
        _due.Clear();
        foreach (Seen seen in _matches.Values)
        {
            // Standings change only with events, but the clock runs on: the time left is counted down to now.
            double elapsed = time.GetElapsedTime(seen.At, now).TotalSeconds;
            double left = Math.Max(0, Math.Round(seen.Standings.SecondsLeft - elapsed, 1));
            _due.Add(seen.Standings with { SecondsLeft = left });
        }

        _due.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return _due.Count > 0;
    }

    private readonly record struct Seen(MatchSummary Standings, long At);
}
