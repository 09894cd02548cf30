using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class StandingsTests
{
    [Fact]
    public void GetStandings_SortsByScoreThenKillsThenId()
    {
        Match match = Arena.Running(4);
        SetRecord(match, 1, score: 10, kills: 1);
        SetRecord(match, 2, score: 30, kills: 0);
        SetRecord(match, 3, score: 10, kills: 2);
        SetRecord(match, 4, score: 10, kills: 1);

        var standings = new Standing[8];
        int count = match.GetStandings(standings);

        Assert.Equal(4, count);
        Assert.Equal([2u, 3u, 1u, 4u], standings[..count].Select(s => s.PlayerId).ToArray());
        Assert.Equal(new Standing(3, "p3", 10, 2, 0), standings[1]);
    }

    [Fact]
    public void GetStandings_ShortDestination_KeepsTheTop()
    {
        Match match = Arena.Running(5);
        for (uint id = 1; id <= 5; id++)
        {
            SetRecord(match, id, score: (int)id * 5, kills: 0);
        }

        var top = new Standing[2];
        int count = match.GetStandings(top);

        Assert.Equal(2, count);
        Assert.Equal(5u, top[0].PlayerId);
        Assert.Equal(4u, top[1].PlayerId);
    }

    [Fact]
    public void GetStandings_CountsDeaths()
    {
        Match match = Arena.Running(2);
        CombatTests.KillPlayer2(match);

        var standings = new Standing[2];
        match.GetStandings(standings);

        Assert.Equal(new Standing(1, "p1", match.Rules.KillScore, 1, 0), standings[0]);
        Assert.Equal(new Standing(2, "p2", 0, 0, 1), standings[1]);
    }

    private static void SetRecord(Match match, uint id, int score, uint kills)
    {
        ref EntityState e = ref Arena.Entity(match, id);
        e.Score = score;
        e.Aux = kills;
    }
}
