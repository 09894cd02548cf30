using GameServer.Matches;

namespace GameServer.Spectators;

/// <summary>What a tick hands to the log: a match event, or the match's removal when <see cref="IsRemoval"/>.</summary>
internal readonly record struct PendingFeedEvent(uint MatchId, MatchFeedEvent Event, MatchSummary Standings, bool IsRemoval);
