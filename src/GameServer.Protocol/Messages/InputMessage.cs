namespace GameServer.Protocol;

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
public readonly record struct InputMessage(uint Sequence, uint AckTick, sbyte MoveX, sbyte MoveY, ushort Aim, Buttons Buttons, uint ViewTick = 0);
