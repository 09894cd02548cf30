namespace GameServer.Simulation;

/// <summary>A point of the map in position units.</summary>
internal readonly record struct MapPoint(int X, int Y)
{
    public static MapPoint FromWorld(int x, int y) => new(x * Quantization.PositionScale, y * Quantization.PositionScale);
}
