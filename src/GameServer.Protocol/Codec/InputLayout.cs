using GameServer.Protocol.Schema;

namespace GameServer.Protocol;

/// <summary>
/// Where an Input's values sit and what each may hold, for <see cref="ClientMessageReader"/>: version 2 reads
/// <c>[2, seq, ackTick, viewTick, value...]</c> by the match's schema (<see cref="GameSchema.InputLayout"/>); a game
/// that also serves version 1 declares that version's own layout, <c>[2, seq, ackTick, value..., viewTick?]</c>.
/// </summary>
public sealed class InputLayout
{
    // An array, not the list it was given: the server reads every player's every Input through it.
    private readonly InputField[] _fields;

    /// <param name="fields">The values in order, each an integer within its field's range.</param>
    /// <param name="viewTickLast">Version 1's order: the values, then an optional view tick (0 when absent).</param>
    public InputLayout(IReadOnlyList<InputField> fields, bool viewTickLast)
    {
        _fields = [.. fields];
        ViewTickLast = viewTickLast;
    }

    public IReadOnlyList<InputField> Fields => _fields;

    public bool ViewTickLast { get; }

    internal ReadOnlySpan<InputField> FieldSpan => _fields;
}
