namespace GameServer.Simulation;

/// <summary>
/// A match's game as the host drives it: what the host needs and nothing more, so a game other than Arena (or a
/// test's faulty one) can run on the same tick loop, gateway and feeds.
/// </summary>
public interface IMatchSimulation
{
    uint Id { get; }

    /// <summary>The current state in wire units; its tick is the match tick. Owned by the simulation.</summary>
    WorldState World { get; }

    /// <summary>True once the match is over and may be removed.</summary>
    bool IsClosed { get; }

    /// <summary>The events since the last <see cref="ClearEvents"/>.</summary>
    ReadOnlySpan<GameEvent> Events { get; }

    void ClearEvents();

    /// <summary>Adds a player and returns its entity id.</summary>
    uint AddPlayer(string name);

    void RemovePlayer(uint playerId);

    /// <summary>Advances one tick with the inputs that arrived since the last.</summary>
    void Step(ReadOnlySpan<PlayerInput> inputs);
}
