namespace GameServer.Protocol;

/// <summary>The integer units of the wire (protocol.md, "Units"): what the server simulates is what it sends.</summary>
public static class Quantization
{
    /// <summary>Position units per world unit: positions are in 1/16 of a world unit.</summary>
    public const int PositionScale = 16;

    /// <summary>Angle units per full turn: 0 points along +x, 16384 along +y (down on screen).</summary>
    public const int AngleUnitsPerTurn = 65536;

    /// <summary>The largest magnitude of an input movement axis; a vector is at most this long.</summary>
    public const int MaxMoveAxis = 127;

    /// <summary>Converts a position in position units to world units.</summary>
    public static float ToWorld(int position) => position / (float)PositionScale;

    /// <summary>Converts an angle in radians to angle units.</summary>
    public static ushort AngleFromRadians(double radians)
    {
        double turns = radians / (2 * Math.PI);
        turns -= Math.Floor(turns);
        return (ushort)((int)Math.Round(turns * AngleUnitsPerTurn) & 0xFFFF);
    }

    /// <summary>Converts angle units to radians.</summary>
    public static double AngleToRadians(ushort angle) => angle * (2 * Math.PI / AngleUnitsPerTurn);
}
