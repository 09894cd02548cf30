namespace GameServer.Simulation;

/// <summary>One input message of one player, as the host hands it to <see cref="Match.Step"/>.</summary>
/// <param name="PlayerId">The player's entity id (from <see cref="Match.AddPlayer"/>); unknown ids are ignored.</param>
/// <param name="Input">The message as received: the match clamps and validates it.</param>
public readonly record struct PlayerInput(uint PlayerId, InputMessage Input);
