namespace GameServer.Simulation;

/// <summary>
/// A game whose state is also protocol v1's entity world, Arena's layout (<see cref="WorldState"/>): only its
/// matches are served to v1 clients, through the <see cref="Version1Frames"/> made from it (the replay page, on v2's
/// state, plays every game's).
/// </summary>
public interface IEntityWorldSimulation : IMatchSimulation
{
    /// <summary>The current state in v1's wire units; its tick is the match tick. Owned by the simulation.</summary>
    WorldState World { get; }
}
