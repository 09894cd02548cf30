using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagRulesTests
{
    [Fact]
    public void Defaults_AreTheContractsSecondsAndSpeedsAt30Hz()
    {
        var rules = new TagRules();

        Assert.Equal(30, rules.TickRate);
        Assert.Equal(2, rules.MinPlayersToStart);
        Assert.Equal(90, rules.CountdownTicks);
        Assert.Equal(90 * 30, rules.TimeLimitTicks);
        Assert.Equal(150, rules.EndedTicks);
        Assert.Equal(45, rules.ImmunityTicks);
        Assert.Equal(20 * 16, rules.PlayerRadius);
        Assert.Equal(160, rules.RunnerSpeed);
        Assert.Equal(160 * 115 / 100, rules.MaxSpeed);
        rules.Validate();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(TagRules.MaxTickRate)]
    public void ForTickRate_KeepsSecondsAndWorldSpeeds_AndIsValid(int tickRate)
    {
        var rules = TagRules.ForTickRate(tickRate);

        rules.Validate();
        Assert.Equal(3 * tickRate, rules.CountdownTicks);
        Assert.Equal(90 * tickRate, rules.TimeLimitTicks);
        Assert.Equal((1_500 * tickRate + 500) / 1_000, rules.ImmunityTicks);
        Assert.Equal(((300 * 16) + (tickRate / 2)) / tickRate, rules.RunnerSpeed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TagRules.MaxTickRate + 1)]
    public void ForTickRate_OutOfRange_Throws(int tickRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TagRules.ForTickRate(tickRate));
    }

    [Fact]
    public void Constructor_InvalidRules_ThrowsNamingTheSettingAndRange()
    {
        var tooFast = new TagRules { RunnerSpeed = 10_000 };

        var error = Assert.Throws<ArgumentException>(() => new TagMatch(1, 1, tooFast));

        Assert.Contains("TagRules.RunnerSpeed is 10000", error.Message);
        Assert.Throws<ArgumentException>(() => new TagMatch(1, 1, new TagRules { ItSpeedPercent = 99 }));
    }

    [Fact]
    public void Constructor_CopiesTheRules_SoLaterChangesDoNotReachTheMatch()
    {
        var rules = TagPlay.QuickRules();
        var match = new TagMatch(1, 1, rules);
        rules.MinPlayersToStart = 1;

        match.AddPlayer("solo");
        TagPlay.Idle(match, 5);

        Assert.Equal(MatchPhase.Waiting, match.Phase);
    }
}
