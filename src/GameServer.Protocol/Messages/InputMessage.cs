namespace GameServer.Protocol;

/// <summary>One frame of player input: <c>[2, seq, ackTick, moveX, moveY, aim, buttons]</c>.</summary>
/// <param name="Sequence">Increases by one per input; the server acknowledges the last one it applied.</param>
/// <param name="AckTick">The last server tick the client has applied.</param>
/// <param name="MoveX">Movement along x, -127..127.</param>
/// <param name="MoveY">Movement along y, -127..127.</param>
/// <param name="Aim">Aim angle in angle units.</param>
/// <param name="Buttons">Pressed buttons.</param>
public readonly record struct InputMessage(uint Sequence, uint AckTick, sbyte MoveX, sbyte MoveY, ushort Aim, Buttons Buttons);
