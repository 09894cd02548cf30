namespace GameServer.Simulation.Replays;

/// <summary>What rebuilds the match: the game, its settings and seed, and when and how fast it ran.</summary>
/// <param name="MatchId">The match's id on the node that ran it.</param>
/// <param name="Seed">The simulation's seed.</param>
/// <param name="Game">The game's name (<see cref="IReplayableGame.Name"/>).</param>
/// <param name="Settings">The game's settings as <see cref="IReplayableGame.Settings"/> wrote them.</param>
/// <param name="StartedUnixMs">When the match opened, in Unix milliseconds.</param>
/// <param name="TickRate">Ticks per second.</param>
/// <param name="HashInterval">Ticks between two hash records.</param>
/// <param name="InputFields">Values per input in the Step records: the game schema's input field count (4, Arena's, in versions 1 and 2).</param>
public sealed record ReplayStart(uint MatchId, ulong Seed, string Game, byte[] Settings, long StartedUnixMs, int TickRate, int HashInterval, int InputFields);
