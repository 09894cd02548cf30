using GameServer.Protocol.Schema;

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

    /// <summary>The game's wire schema (protocol v2): what <see cref="WriteState"/> writes and what its input holds. Immutable, safe from any thread.</summary>
    GameSchema Schema { get; }

    /// <summary>Makes <paramref name="target"/> (of <see cref="Schema"/>) hold the current state; called by the match's owner.</summary>
    void WriteState(SchemaWorld target);

    /// <summary>
    /// The game's input for a v2 Input: <paramref name="header"/>'s sequence, ack tick and view tick with
    /// <paramref name="values"/>, one per input field of <see cref="Schema"/>, already checked against their ranges.
    /// Pure: the connection's thread calls it, not the match's owner.
    /// </summary>
    InputMessage ToInput(in InputMessage header, ReadOnlySpan<int> values);

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
