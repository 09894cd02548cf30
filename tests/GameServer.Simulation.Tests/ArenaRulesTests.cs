namespace GameServer.Simulation.Tests;

public sealed class ArenaRulesTests
{
    [Fact]
    public void Constructor_Defaults_AreThoseOf30Hz()
    {
        var rules = new ArenaRules();

        Assert.Equal(30, rules.TickRate);
        Assert.Equal(90, rules.CountdownTicks);
        Assert.Equal(9000, rules.TimeLimitTicks);
        Assert.Equal(300, rules.EndedTicks);
        Assert.Equal(160, rules.MaxSpeed);
        Assert.Equal(480, rules.ProjectileSpeed);
        Assert.Equal(9, rules.FireCooldownTicks);
        rules.Validate();
    }

    [Fact]
    public void ForTickRate_60_KeepsSecondsAndWorldSpeeds()
    {
        ArenaRules rules = ArenaRules.ForTickRate(60);

        Assert.Equal(60, rules.TickRate);
        Assert.Equal(180, rules.CountdownTicks);
        Assert.Equal(18000, rules.TimeLimitTicks);
        Assert.Equal(80, rules.MaxSpeed);
        Assert.Equal(240, rules.ProjectileSpeed);
        Assert.Equal(180, rules.RespawnDelayTicks);
        rules.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ArenaRules.MaxTickRate + 1)]
    public void ForTickRate_OutOfRange_Throws(int tickRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArenaRules.ForTickRate(tickRate));
    }

    [Fact]
    public void Validate_SpeedThatWouldTunnel_ThrowsNamingTheSetting()
    {
        var rules = new ArenaRules { MaxSpeed = 10_000 };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new Match(1, 1, rules));

        Assert.Contains("MaxSpeed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_RulesChangedAfterCreation_KeepsItsCopy()
    {
        var rules = new ArenaRules();
        var match = new Match(1, 1, rules);

        rules.MaxSpeed = 1;

        Assert.Equal(160, match.Rules.MaxSpeed);
    }
}
