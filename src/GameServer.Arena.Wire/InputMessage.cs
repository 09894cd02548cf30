using GameServer.Protocol.Schema;

namespace GameServer.Arena.Wire;

/// <summary>One frame of player input: <c>[2, seq, ackTick, moveX, moveY, aim, buttons, viewTick]</c>, the last element optional.</summary>
/// <param name="Sequence">Increases by one per input; the server acknowledges the last one it applied.</param>
/// <param name="AckTick">The last server tick the client has applied.</param>
/// <param name="MoveX">Movement along x, -127..127.</param>
/// <param name="MoveY">Movement along y, -127..127.</param>
/// <param name="Aim">Aim angle in angle units.</param>
/// <param name="Buttons">Pressed buttons.</param>
/// <param name="ViewTick">
/// The world tick the client was displaying when it made the input (the older tick of the two it interpolated
/// between), so the server judges its shots against that view; 0 for none (judged at the present, the default).
/// </param>
public readonly record struct InputMessage(uint Sequence, uint AckTick, sbyte MoveX, sbyte MoveY, ushort Aim, Buttons Buttons, uint ViewTick = 0)
{
    /// <summary>How the server reads it: four values within their wire types' ranges, then the optional view tick.</summary>
    public static readonly InputLayout Layout = new(
        [new InputField("moveX", sbyte.MinValue, sbyte.MaxValue), new InputField("moveY", sbyte.MinValue, sbyte.MaxValue),
         new InputField("aim", ushort.MinValue, ushort.MaxValue, Wrap: true), new InputField("buttons", byte.MinValue, byte.MaxValue)],
        viewTickLast: true);

    /// <summary>The input as the game gets it: its four values in v1's order, which is also Arena's schema's.</summary>
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
