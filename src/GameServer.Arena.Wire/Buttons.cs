namespace GameServer.Arena.Wire;

/// <summary>The buttons bitmask of an Input message.</summary>
[Flags]
public enum Buttons : byte
{
    None = 0,
    Fire = 1,
}
