using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>
/// A match's game as the host drives it, whatever the game: what the host needs and nothing more. Its state and input
/// are described by its <see cref="Schema"/>, so the host, the feed and every v2 client serve any game without knowing
/// it (README, "Writing your own game"). Only its owner (one tick loop) calls it, except where a member says otherwise.
/// </summary>
public interface IMatchSimulation
{
    uint Id { get; }

    /// <summary>The game's wire schema (protocol v2): what <see cref="WriteState"/> writes and what its input holds. Immutable, safe from any thread.</summary>
    GameSchema Schema { get; }

    /// <summary>The match tick: 0 when created, +1 per <see cref="Step"/>.</summary>
    uint Tick { get; }

    MatchPhase Phase { get; }

    /// <summary>Ticks until the phase changes by itself (countdown, time limit, end screen); 0 when none is due.</summary>
    uint PhaseTicksLeft { get; }

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

    /// <summary>Makes <paramref name="target"/> (of <see cref="Schema"/>) hold the current state, tick and phase included.</summary>
    void WriteState(SchemaWorld target);

    /// <summary>Writes the standings of the players now in the match, best first; returns how many were written.</summary>
    int GetStandings(Span<Standing> destination);

    /// <summary>A hash of the whole state, equal for equal states on every platform: replays check determinism with it.</summary>
    ulong ComputeHash();

    /// <summary>
    /// The spectator feed's name of an item kind, the value of a <see cref="GameEventKind.Pickup"/> event, such as
    /// Arena's "health"; null for a game without items (the feed then says "unknown"). Safe from any thread.
    /// </summary>
    string? ItemName(int kind) => null;
}
