using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class EventTests
{
    [Fact]
    public void AddPlayer_EmitsPlayerJoinedAndSpawnsAlivePlayer()
    {
        var match = new Match(1, 1, new ArenaRules());

        uint id = match.AddPlayer("ana");

        Assert.Equal(1, match.PlayerCount);
        GameEvent joined = Assert.Single(match.Events.ToArray());
        Assert.Equal(new GameEvent(0, GameEventKind.PlayerJoined, id, 0, 0), joined);
        ref EntityState e = ref Arena.Entity(match, id);
        Assert.Equal(EntityKind.Player, e.Kind);
        Assert.Equal("ana", e.Name);
        Assert.Equal(EntityFlags.Alive, e.Flags);
        Assert.Equal(100, e.Health);
    }

    [Fact]
    public void AddPlayer_IdsIncreaseAndAreNeverReused()
    {
        var match = new Match(1, 1, new ArenaRules());
        uint a = match.AddPlayer("a");
        match.RemovePlayer(a);

        uint b = match.AddPlayer("b");

        Assert.True(b > a);
    }

    [Fact]
    public void RemovePlayer_RemovesOnlyItsEntityAndEmitsPlayerLeft()
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 600, 600);
        match.Step([Arena.Input(1, 1, fire: true)]);
        int before = match.World.Count;

        match.RemovePlayer(1);

        Assert.Equal(before - 1, match.World.Count);
        Assert.True(match.World.IndexOf(1) < 0);
        Assert.Equal(1, Arena.CountKind(match, EntityKind.Projectile));
        Assert.True(Arena.HasEvent(match, GameEventKind.PlayerLeft, 1));
        Assert.Equal(1, match.PlayerCount);
    }

    [Fact]
    public void RemovePlayer_UnknownId_DoesNothing()
    {
        Match match = Arena.Running(1);
        match.Step([]);
        match.ClearEvents();

        match.RemovePlayer(999);

        Assert.Equal(1, match.PlayerCount);
        Assert.Equal(0, match.Events.Length);
    }

    [Fact]
    public void ClearEvents_ThenAQuietStep_LeavesNoEvents()
    {
        var match = new Match(1, 1, new ArenaRules());
        match.AddPlayer("a");
        Assert.Equal(1, match.Events.Length);

        match.ClearEvents();
        match.Step([]);

        Assert.Equal(0, match.Events.Length);
    }

    [Fact]
    public void Step_EventsOfAddPlayerBeforeIt_AreKept()
    {
        var match = new Match(1, 1, new ArenaRules());
        uint id = match.AddPlayer("a");

        match.Step([]);

        Assert.True(Arena.HasEvent(match, GameEventKind.PlayerJoined, id));
    }

    [Fact]
    public void Step_KillByDepartedPlayersProjectile_KillSubjectIsArena()
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, 2, 900 - 100, 600);
        Arena.Entity(match, 2).Health = 1;
        match.Step([Arena.Input(1, 1, fire: true)]);
        match.RemovePlayer(1);

        bool killed = false;
        for (int i = 0; i < 10 && !killed; i++)
        {
            match.Step([]);
            killed = Arena.HasEvent(match, GameEventKind.Kill, 0, 2);
        }

        Assert.True(killed);
        Assert.False(Arena.IsAlive(Arena.Entity(match, 2)));
        Assert.False(Arena.HasEvent(match, GameEventKind.ScoreChanged, 1, 0, null));
    }

    [Fact]
    public void Step_Events_CarryTheTickTheyHappenedIn()
    {
        Match match = Arena.Running(2);
        CombatTests.KillPlayer2(match);

        Assert.True(match.Events.Length >= 2);
        foreach (GameEvent e in match.Events)
        {
            Assert.Equal(match.World.Tick, e.Tick);
        }
    }
}
