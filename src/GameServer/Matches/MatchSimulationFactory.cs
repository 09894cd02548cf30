using GameServer.Simulation;

namespace GameServer.Matches;

/// <summary>Creates the game of a new match; by default Arena, with the rules the options give.</summary>
public delegate IMatchSimulation MatchSimulationFactory(uint id, ulong seed);
