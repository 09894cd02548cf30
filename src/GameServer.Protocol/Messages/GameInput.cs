namespace GameServer.Protocol;

/// <summary>
/// One input of any game as the server hands it to the game: the header every input has, and the values of the
/// game's input fields in the order its schema declares them (protocol v2's Input). v1's Input is Arena's four values
/// (moveX, moveY, aim, buttons), which are also the first four of Arena's schema.
/// </summary>
/// <param name="Sequence">Increases by one per input; the server acknowledges the last one it applied.</param>
/// <param name="AckTick">The last server tick the client has applied.</param>
/// <param name="ViewTick">The world tick the client was displaying when it made the input; 0 for none.</param>
/// <param name="Values">The input fields' values, checked against their ranges; those past the schema's count are 0.</param>
public readonly record struct GameInput(uint Sequence, uint AckTick, uint ViewTick, InputValues Values)
{
    /// <summary>A v2 input: <paramref name="header"/>'s sequence, ack and view tick with the schema's <paramref name="values"/>.</summary>
    public static GameInput From(in InputMessage header, ReadOnlySpan<int> values)
    {
        var inline = default(InputValues);
        values.CopyTo(inline);
        return new GameInput(header.Sequence, header.AckTick, header.ViewTick, inline);
    }

    /// <summary>A v1 input: its four values in v1's order, which is Arena's input layout.</summary>
    public static implicit operator GameInput(in InputMessage v1)
    {
        var values = default(InputValues);
        values[0] = v1.MoveX;
        values[1] = v1.MoveY;
        values[2] = v1.Aim;
        values[3] = (int)v1.Buttons;
        return new GameInput(v1.Sequence, v1.AckTick, v1.ViewTick, values);
    }
}
