namespace GameServer.Simulation.Replays;

/// <summary>What a replay record says; its number is the record's first byte.</summary>
public enum ReplayRecordKind : byte
{
    /// <summary><c>[matchId, seed, game, settings, startedUnixMs, tickRate, hashInterval, inputFields]</c>: always the first record (no inputFields before version 3).</summary>
    Start = 1,

    /// <summary><c>[tick, playerId, name]</c>: the simulation's AddPlayer, and the id it returned.</summary>
    Join = 2,

    /// <summary><c>[tick, playerId]</c>: the simulation's RemovePlayer.</summary>
    Leave = 3,

    /// <summary>
    /// <c>[tick, (playerId, seq, ackTick, viewTick, value*)*]</c>, inputFields values per input: one Step and its inputs
    /// in order; tick is the tick it makes. Versions 1 and 2: <c>[tick, (playerId, seq, ackTick, moveX, moveY, aim, buttons, viewTick)*]</c>, v1 without viewTick.
    /// </summary>
    Step = 4,

    /// <summary><c>[tick, hash]</c>: the game's <see cref="IMatchSimulation.ComputeHash"/> after that tick's Step.</summary>
    Hash = 5,

    /// <summary><c>[tick, endedUnixMs, reason, players]</c>: always the last record.</summary>
    End = 6,
}
