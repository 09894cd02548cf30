using GameServer.Matches;

namespace GameServer.Spectators;

/// <summary>The in-process event log (completed by the SSE feed).</summary>
public sealed class InMemoryMatchEventLog : IMatchEventLog
{
    public void Publish(uint matchId, ReadOnlySpan<MatchFeedEvent> events, MatchSummary standings)
    {
    }

    public void Remove(uint matchId, MatchSummary finalStandings)
    {
    }
}
