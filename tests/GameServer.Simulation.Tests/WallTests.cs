using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class WallTests
{
    private const int U = Arena.U;

    [Fact]
    public void Step_PlayerRunsIntoBorder_StopsAtWallFace()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 150, 600);

        match.Step([Arena.Input(1, 1, moveX: -127)]);
        Arena.Idle(match, 30);

        ref EntityState e = ref Arena.Entity(match, 1);
        Assert.Equal((40 * U) + match.Rules.PlayerRadius, e.X);
        Assert.Equal(0, e.Vx);
    }

    [Fact]
    public void Step_PlayerRunsDiagonallyIntoWall_SlidesAlongIt()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 70, 600);

        match.Step([Arena.Input(1, 1, moveX: -90, moveY: 90)]);
        Arena.Idle(match, 10);
        int y = Arena.Entity(match, 1).Y;
        match.Step([]);

        ref EntityState e = ref Arena.Entity(match, 1);
        Assert.Equal((40 * U) + match.Rules.PlayerRadius, e.X);
        Assert.True(e.Y > y);
    }

    [Fact]
    public void Step_PlayerRunsIntoObstacle_StopsOutsideIt()
    {
        Match match = Arena.Running(1);

        // The centre block spans x 900..1100, y 500..700.
        Arena.Place(match, 1, 800, 600);
        match.Step([Arena.Input(1, 1, moveX: 127)]);
        Arena.Idle(match, 40);

        ref EntityState e = ref Arena.Entity(match, 1);
        Assert.Equal((900 * U) - match.Rules.PlayerRadius, e.X);
        Assert.Equal(600 * U, e.Y);
    }

    [Fact]
    public void Step_ProjectileHitsObstacle_RemovedAndTargetBehindUnharmed()
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 800, 600);
        Arena.Place(match, 2, 1200, 600);

        match.Step([Arena.Input(1, 1, fire: true)]);
        Assert.Equal(1, Arena.CountKind(match, EntityKind.Projectile));
        Arena.Idle(match, 10);

        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, 2).Health);
    }

    [Fact]
    public void Step_ProjectileIntoBorder_Removed()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 1000, 100);

        match.Step([Arena.Input(1, 1, aim: 49152, fire: true)]);
        Arena.Idle(match, 3);

        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
    }

    [Fact]
    public void ArenaMap_SpawnPoints_ClearOfWallsForLargestRadius()
    {
        foreach (MapPoint point in ArenaMap.SpawnPoints)
        {
            Assert.False(ArenaMap.IsBlocked(point.X, point.Y, ArenaMap.SpawnClearance));
        }
    }
}
