using System.Numerics;
using GameServer.Arena.Wire;

namespace GameServer.Client.Tests;

public sealed class InterpolationBufferTests
{
    private static readonly TimeSpan s_delay = TimeSpan.FromMilliseconds(100);

    private static WorldState World(uint tick, params (uint Id, int X, int Y)[] entities)
    {
        var world = new WorldState { Tick = tick };
        foreach ((uint id, int x, int y) in entities)
        {
            world.Append(new EntityState { Id = id, Kind = EntityKind.Player, X = x, Y = y });
        }

        return world;
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void TrySample_BetweenTwoStates_InterpolatesAtNowMinusDelay()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(1, (1, 0, 100)));
        buffer.Add(Ms(1040), World(2, (1, 400, 100)));

        // Drawn at 1120 - 100 = 1020 ms: halfway.
        Assert.True(buffer.TrySample(1, Ms(1120), out Vector2 position));

        Assert.Equal(new Vector2(200, 100), position);
    }

    [Fact]
    public void TrySample_PastTheNewestState_HoldsTheNewest()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(1, (1, 0, 0)));
        buffer.Add(Ms(1040), World(2, (1, 400, 0)));

        Assert.True(buffer.TrySample(1, Ms(5000), out Vector2 position));

        Assert.Equal(new Vector2(400, 0), position);
    }

    [Fact]
    public void TrySample_BeforeTheOldestState_GivesTheOldest()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(1, (1, 8, 9)));
        buffer.Add(Ms(1040), World(2, (1, 400, 0)));

        Assert.True(buffer.TrySample(1, Ms(1000), out Vector2 position));

        Assert.Equal(new Vector2(8, 9), position);
    }

    [Fact]
    public void TrySample_EntityOnlyInTheNewerState_AppearsThere()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(1, (1, 0, 0)));
        buffer.Add(Ms(1040), World(2, (1, 0, 0), (2, 50, 60)));

        Assert.True(buffer.TrySample(2, Ms(1120), out Vector2 position));
        Assert.False(buffer.TrySample(3, Ms(1120), out _));

        Assert.Equal(new Vector2(50, 60), position);
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsTheNewestAndCopiesTheWorld()
    {
        var buffer = new InterpolationBuffer(s_delay, capacity: 2);
        WorldState world = World(1, (1, 0, 0));
        buffer.Add(Ms(0), world);
        buffer.Add(Ms(40), World(2, (1, 40, 0)));
        buffer.Add(Ms(80), World(3, (1, 80, 0)));
        world.Get(1).X = 999;

        Assert.Equal(2, buffer.Count);
        Assert.True(buffer.TrySample(1, Ms(160), out Vector2 position));
        Assert.Equal(new Vector2(60, 0), position);
    }

    [Fact]
    public void DisplayedTick_BetweenTwoStates_IsTheOlder()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(100));
        buffer.Add(Ms(1033), World(101));
        buffer.Add(Ms(1066), World(102));

        // Drawn at 1150 - 100 = 1050 ms: between ticks 101 and 102.
        Assert.Equal(101u, buffer.DisplayedTick(Ms(1150)));
    }

    [Fact]
    public void DisplayedTick_PastTheNewestState_IsTheNewest()
    {
        var buffer = new InterpolationBuffer(s_delay);
        buffer.Add(Ms(1000), World(100));
        buffer.Add(Ms(1033), World(101));

        Assert.Equal(101u, buffer.DisplayedTick(Ms(5000)));
    }

    [Fact]
    public void DisplayedTick_BeforeTheOldestState_IsTheOldest_AndZeroWhenEmpty()
    {
        var buffer = new InterpolationBuffer(s_delay);
        Assert.Equal(0u, buffer.DisplayedTick(Ms(1000)));

        buffer.Add(Ms(1000), World(100));
        buffer.Add(Ms(1033), World(101));

        Assert.Equal(100u, buffer.DisplayedTick(Ms(1050)));
    }
}
