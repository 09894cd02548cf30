namespace GameServer.Simulation;

/// <summary>A living player a projectile may hit, as gathered on one tick.</summary>
/// <param name="Index">Its index in the world on the tick it was gathered: valid for the present tick's targets only.</param>
/// <param name="Id">The player's id.</param>
/// <param name="X">Its position on that tick.</param>
/// <param name="Y">Its position on that tick.</param>
/// <param name="Life">Which of the player's lives it was (<see cref="PlayerSlot.Life"/>), so a rewound shot does not hit a player who died since.</param>
internal readonly record struct HitTarget(int Index, uint Id, int X, int Y, uint Life);
