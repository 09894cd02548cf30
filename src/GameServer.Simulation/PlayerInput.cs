namespace GameServer.Simulation;

/// <summary>One input message of one player, as the host hands it to <see cref="IMatchSimulation.Step"/>.</summary>
/// <param name="PlayerId">The player's entity id (from <see cref="IMatchSimulation.AddPlayer"/>); unknown ids are ignored.</param>
/// <param name="Input">The message as received, its values within the schema's ranges: the game judges the rest.</param>
public readonly record struct PlayerInput(uint PlayerId, GameInput Input);
