namespace GameServer.Simulation;

/// <summary>An axis-aligned wall in position units: [Left, Right) x [Top, Bottom).</summary>
public readonly record struct WallRect(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Builds a wall from world units, the units the map is drawn in.</summary>
    public static WallRect FromWorld(int left, int top, int right, int bottom) =>
        new(left * Quantization.PositionScale, top * Quantization.PositionScale,
            right * Quantization.PositionScale, bottom * Quantization.PositionScale);

    /// <summary>Whether the square of half-size <paramref name="halfSize"/> centred on (x, y) overlaps the wall; touching is not overlapping.</summary>
    public bool Overlaps(int x, int y, int halfSize) =>
        x + halfSize > Left && x - halfSize < Right && y + halfSize > Top && y - halfSize < Bottom;
}
