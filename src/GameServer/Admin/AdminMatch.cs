namespace GameServer.Admin;

/// <summary>A live match of this node in the admin API.</summary>
/// <param name="Id">The match id, as a string (the admin contract's).</param>
/// <param name="Game">The game it plays (protocol.md, Games).</param>
/// <param name="Phase">As the public API names it: waiting, countdown, running or ended.</param>
/// <param name="TickCostUs">The mean cost of its tick over the last second (commands, step, fan-out), in microseconds.</param>
public sealed record AdminMatch(string Id, string Game, string Phase, double SecondsLeft, int Players, int Capacity, double TickCostUs);
