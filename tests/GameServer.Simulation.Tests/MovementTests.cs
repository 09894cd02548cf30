using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class MovementTests
{
    [Fact]
    public void Step_FullInput_AcceleratesByAccelerationThenCapsAtMaxSpeed()
    {
        Match match = Arena.Running(1);
        ArenaRules rules = match.Rules;
        Arena.Place(match, 1, 300, 600);

        match.Step([Arena.Input(1, 1, moveX: 127)]);
        Assert.Equal(rules.Acceleration, Arena.Entity(match, 1).Vx);

        for (int i = 0; i < 30; i++)
        {
            match.Step([]);
            Assert.True(Arena.Entity(match, 1).Vx <= rules.MaxSpeed);
        }

        Assert.Equal(rules.MaxSpeed, Arena.Entity(match, 1).Vx);
        Assert.Equal(0, Arena.Entity(match, 1).Vy);
    }

    [Fact]
    public void Step_DiagonalInput_NoFasterThanStraight()
    {
        Match match = Arena.Running(1);
        int max = match.Rules.MaxSpeed;
        Arena.Place(match, 1, 600, 600);

        match.Step([Arena.Input(1, 1, moveX: 127, moveY: 127)]);
        Arena.Idle(match, 10);

        ref EntityState e = ref Arena.Entity(match, 1);
        Assert.True(Arena.SpeedSquared(e) <= (long)max * max);
        Assert.True(Arena.SpeedSquared(e) >= (long)(max - 2) * (max - 2));
        Assert.Equal(e.Vx, e.Vy);
    }

    [Fact]
    public void Step_ForgedMinus128_ClampedToMaxSpeed()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 1700, 600);

        match.Step([Arena.Input(1, 1, moveX: -128, moveY: -128)]);
        Arena.Idle(match, 10);

        long max = match.Rules.MaxSpeed;
        Assert.True(Arena.SpeedSquared(Arena.Entity(match, 1)) <= max * max);
    }

    [Fact]
    public void Step_NoMovementInput_FrictionSlowsToAStop()
    {
        Match match = Arena.Running(1);
        ArenaRules rules = match.Rules;
        Arena.Place(match, 1, 200, 600);
        match.Step([Arena.Input(1, 1, moveX: 127)]);
        Arena.Idle(match, 10);

        match.Step([Arena.Input(1, 2)]);
        Assert.Equal(rules.MaxSpeed - rules.Friction, Arena.Entity(match, 1).Vx);

        Arena.Idle(match, rules.MaxSpeed / rules.Friction);
        Assert.Equal(0, Arena.Entity(match, 1).Vx);
        int x = Arena.Entity(match, 1).X;
        match.Step([]);
        Assert.Equal(x, Arena.Entity(match, 1).X);
    }

    [Fact]
    public void Step_NoNewInput_HoldsLastMovementAndAim()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 200, 600);
        match.Step([Arena.Input(1, 1, moveX: 127, aim: 16384)]);
        int x = Arena.Entity(match, 1).X;

        Arena.Idle(match, 5);

        Assert.True(Arena.Entity(match, 1).X > x);
        Assert.Equal(16384, Arena.Entity(match, 1).Aim);
    }

    [Fact]
    public void Step_Velocity_MovesPositionByVelocity()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);
        match.Step([Arena.Input(1, 1, moveY: 127)]);
        int y = Arena.Entity(match, 1).Y;

        match.Step([]);

        ref EntityState e = ref Arena.Entity(match, 1);
        Assert.Equal(y + e.Vy, e.Y);
    }

    [Fact]
    public void Step_WarmUp_MovesButCannotFire()
    {
        var match = new Match(1, 1, Arena.QuietRules());
        uint id = match.AddPlayer("solo");
        Assert.Equal(MatchPhase.Countdown, AfterStep(match, [Arena.Input(id, 1, moveX: 127, fire: true)]));

        Assert.True(Arena.Entity(match, id).Vx > 0);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
    }

    private static MatchPhase AfterStep(Match match, PlayerInput[] inputs)
    {
        match.Step(inputs);
        return match.Phase;
    }
}
