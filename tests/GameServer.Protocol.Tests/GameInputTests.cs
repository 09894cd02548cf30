using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

/// <summary>A game's input: built from v2's values or from a v1 Input, and compared by value.</summary>
public sealed class GameInputTests
{
    [Fact]
    public void From_V2Values_AndTheSameInputFromV1_AreEqual_WithEqualHashes()
    {
        var v1 = new InputMessage(7, 100, -90, 127, 16384, Buttons.Fire, ViewTick: 96);

        GameInput fromV1 = v1;
        GameInput fromV2 = GameInput.From(new InputHeader(7, 100, 96), [-90, 127, 16384, 1]);

        Assert.Equal(fromV2, fromV1);
        Assert.True(fromV1 == fromV2);
        Assert.Equal(fromV2.GetHashCode(), fromV1.GetHashCode());
        InputValues values = fromV1.Values;
        Assert.Equal([-90, 127, 16384, 1, 0, 0, 0, 0], ((ReadOnlySpan<int>)values).ToArray());
    }

    [Fact]
    public void Equals_OneValueOrTheHeaderDiffers_IsFalse()
    {
        var header = new InputHeader(7, 100, 0);
        GameInput input = GameInput.From(header, [1, 2]);

        Assert.NotEqual(input, GameInput.From(header, [1, 3]));
        Assert.NotEqual(input, GameInput.From(header with { Sequence = 8 }, [1, 2]));
        Assert.False(input.Values != GameInput.From(header, [1, 2]).Values);
    }
}
