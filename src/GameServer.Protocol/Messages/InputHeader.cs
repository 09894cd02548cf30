namespace GameServer.Protocol;

/// <summary>What every Input carries besides the game's values, in every version.</summary>
/// <param name="Sequence">Increases by one per input; the server acknowledges the last one it applied.</param>
/// <param name="AckTick">The last server tick the client has applied.</param>
/// <param name="ViewTick">The world tick the client was displaying when it made the input; 0 for none.</param>
public readonly record struct InputHeader(uint Sequence, uint AckTick, uint ViewTick);
