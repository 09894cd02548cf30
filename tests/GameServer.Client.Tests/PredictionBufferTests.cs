using GameServer.Arena.Wire;

namespace GameServer.Client.Tests;

public sealed class PredictionBufferTests
{
    // A toy rule: each input moves the player by its movement.
    private static readonly PlayerStep s_step = static (ref EntityState p, in InputMessage input) =>
    {
        p.X += input.MoveX;
        p.Y += input.MoveY;
    };

    private static InputMessage Input(uint sequence, sbyte moveX) => new(sequence, 0, moveX, 0, 0, Buttons.None);

    [Fact]
    public void Reconcile_SomeAcknowledged_ReplaysOnlyTheRest()
    {
        var buffer = new PredictionBuffer();
        for (uint s = 1; s <= 5; s++)
        {
            buffer.Add(Input(s, 10));
        }

        // The server applied 1..3 and says the player is at x = 30.
        EntityState predicted = buffer.Reconcile(new EntityState { X = 30, LastInputSequence = 3 }, s_step);

        Assert.Equal(50, predicted.X);
        Assert.Equal(2, buffer.Count);
    }

    [Fact]
    public void Reconcile_ServerDisagrees_PredictionFollowsTheServer()
    {
        var buffer = new PredictionBuffer();
        buffer.Add(Input(1, 10));
        buffer.Add(Input(2, 10));

        // A wall stopped the player at x = 4 after input 1: the replay starts there, not where the client guessed.
        EntityState predicted = buffer.Reconcile(new EntityState { X = 4, LastInputSequence = 1 }, s_step);

        Assert.Equal(14, predicted.X);
    }

    [Fact]
    public void Reconcile_AllAcknowledged_IsTheServersState()
    {
        var buffer = new PredictionBuffer();
        buffer.Add(Input(1, 10));

        EntityState predicted = buffer.Reconcile(new EntityState { X = 7, Y = 3, LastInputSequence = 1 }, s_step);

        Assert.Equal((7, 3), (predicted.X, predicted.Y));
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var buffer = new PredictionBuffer(capacity: 3);
        for (uint s = 1; s <= 5; s++)
        {
            buffer.Add(Input(s, (sbyte)s));
        }

        EntityState predicted = buffer.Reconcile(default, s_step);

        Assert.Equal(3, buffer.Count);
        Assert.Equal(3 + 4 + 5, predicted.X);
    }
}
