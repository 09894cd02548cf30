namespace GameServer.Protocol;

/// <summary>
/// A match event, emitted by the simulation and sent to players: <c>[20, tick, kind, subject, object, value]</c>.
/// </summary>
/// <param name="Tick">The tick the event happened in.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">The acting entity (the killer, the joining player, the winner), 0 when none.</param>
/// <param name="Object">The entity acted on (the victim), 0 when none.</param>
/// <param name="Value">A number whose meaning depends on the kind (a score, a pickup kind), 0 when none.</param>
public readonly record struct GameEvent(uint Tick, GameEventKind Kind, uint Subject, uint Object, int Value);
