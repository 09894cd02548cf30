namespace GameServer.Protocol;

/// <summary>
/// One input of any game as the server hands it to the game: the header every input has, and the values of the
/// game's input fields in the order its schema declares them (protocol v2's Input; a game that serves version 1 says
/// how that version's Input maps to them).
/// </summary>
/// <param name="Sequence">Increases by one per input; the server acknowledges the last one it applied.</param>
/// <param name="AckTick">The last server tick the client has applied.</param>
/// <param name="ViewTick">The world tick the client was displaying when it made the input; 0 for none.</param>
/// <param name="Values">The input fields' values, checked against their ranges; those past the schema's count are 0.</param>
public readonly record struct GameInput(uint Sequence, uint AckTick, uint ViewTick, InputValues Values)
{
    /// <summary>An input of <paramref name="header"/>'s sequence, ack and view tick with the game's <paramref name="values"/>.</summary>
    public static GameInput From(in InputHeader header, ReadOnlySpan<int> values)
    {
        var inline = default(InputValues);
        values.CopyTo(inline);
        return new GameInput(header.Sequence, header.AckTick, header.ViewTick, inline);
    }
}
