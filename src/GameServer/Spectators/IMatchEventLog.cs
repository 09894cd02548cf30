using GameServer.Matches;

namespace GameServer.Spectators;

/// <summary>
/// Where match events are kept for spectators: the seam a multi-node implementation will fill. Called on the
/// match's tick thread (and, for a lost node's match, by the directory), so an implementation appends and returns,
/// from any thread: no I/O, no waiting.
/// </summary>
public interface IMatchEventLog
{
    /// <summary>A tick's events, with the standings after them.</summary>
    void Publish(uint matchId, ReadOnlySpan<MatchFeedEvent> events, MatchSummary standings);

    /// <summary>The match has closed and been removed; these are its final standings.</summary>
    void Remove(uint matchId, MatchSummary finalStandings);
}
