using GameServer.Simulation;

namespace GameServer.Matches;

/// <summary>
/// Creates the game of a new match. As a service it is the default game's (<see cref="MatchmakingOptions.Game"/>),
/// which a test or an embedding app may replace; the other games come with their <see cref="GameRegistration"/>.
/// </summary>
public delegate IMatchSimulation MatchSimulationFactory(uint id, ulong seed);
