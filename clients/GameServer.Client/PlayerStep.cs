using GameServer.Arena.Wire;

namespace GameServer.Client;

/// <summary>One tick of the own player's movement under one input: the game's rules, as the server runs them.</summary>
public delegate void PlayerStep(ref EntityState player, in InputMessage input);
