using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>A match's scoreboard as the HTTP API shows it; rebuilt by the tick when standings change, read by any thread.</summary>
public sealed record MatchSummary(uint Id, MatchPhase Phase, uint Tick, double SecondsLeft, int Capacity, IReadOnlyList<PlayerStanding> Players);
