namespace GameServer.Simulation;

/// <summary>
/// The Arena's fixed layout: 2000 x 1200 world units, a 40-unit wall on each border and a few symmetric obstacles.
/// Every wall is at least 40 world units (640 position units) thick, more than a player or a projectile sub-step
/// moves in one go, so nothing tunnels through. Public so that the host can describe the map to clients
/// (GET /arena.json) from this one source.
/// </summary>
public static class ArenaMap
{
    /// <summary>The map's width in position units.</summary>
    public const int Width = 2000 * Quantization.PositionScale;
    /// <summary>The map's height in position units.</summary>
    public const int Height = 1200 * Quantization.PositionScale;
    /// <summary>The border walls' thickness in position units.</summary>
    public const int BorderThickness = 40 * Quantization.PositionScale;

    /// <summary>The thinnest wall: the most anything may move along one axis in one collision check.</summary>
    public const int MinWallThickness = 40 * Quantization.PositionScale;

    /// <summary>The clearance every spawn point has from every wall: the largest player radius the map allows.</summary>
    public const int SpawnClearance = 50 * Quantization.PositionScale;

    private static readonly WallRect[] s_walls =
    [
        WallRect.FromWorld(0, 0, 2000, 40),
        WallRect.FromWorld(0, 1160, 2000, 1200),
        WallRect.FromWorld(0, 40, 40, 1160),
        WallRect.FromWorld(1960, 40, 2000, 1160),
        WallRect.FromWorld(900, 500, 1100, 700),
        WallRect.FromWorld(400, 250, 480, 450),
        WallRect.FromWorld(1520, 250, 1600, 450),
        WallRect.FromWorld(400, 750, 480, 950),
        WallRect.FromWorld(1520, 750, 1600, 950),
        WallRect.FromWorld(850, 220, 1150, 260),
        WallRect.FromWorld(850, 940, 1150, 980),
    ];

    private static readonly MapPoint[] s_spawnPoints =
    [
        MapPoint.FromWorld(150, 150),
        MapPoint.FromWorld(1850, 1050),
        MapPoint.FromWorld(1850, 150),
        MapPoint.FromWorld(150, 1050),
        MapPoint.FromWorld(1000, 110),
        MapPoint.FromWorld(1000, 1090),
        MapPoint.FromWorld(150, 600),
        MapPoint.FromWorld(1850, 600),
    ];

    /// <summary>Every wall, the borders first, in position units.</summary>
    public static ReadOnlySpan<WallRect> Walls => s_walls;

    internal static ReadOnlySpan<MapPoint> SpawnPoints => s_spawnPoints;

    /// <summary>Whether a square of half-size <paramref name="halfSize"/> centred on (x, y) overlaps any wall.</summary>
    public static bool IsBlocked(int x, int y, int halfSize)
    {
        foreach (ref readonly WallRect wall in Walls)
        {
            if (wall.Overlaps(x, y, halfSize))
            {
                return true;
            }
        }

        return false;
    }
}
