using GameServer.Protocol.Schema;

namespace GameServer.Protocol;

/// <summary>
/// Where an Input's values sit and what each may hold, for <see cref="ClientMessageReader"/>: version 2 reads
/// <c>[2, seq, ackTick, viewTick, value...]</c> by the match's schema (<see cref="GameSchema.InputLayout"/>); a game
/// that also serves version 1 declares that version's own layout, <c>[2, seq, ackTick, value..., viewTick?]</c>.
/// </summary>
/// <param name="Fields">The values in order, each an integer within its field's range.</param>
/// <param name="ViewTickLast">Version 1's order: the values, then an optional view tick (0 when absent).</param>
public sealed record InputLayout(IReadOnlyList<InputField> Fields, bool ViewTickLast);
