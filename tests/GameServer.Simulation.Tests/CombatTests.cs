using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

public sealed class CombatTests
{
    [Fact]
    public void Step_Fire_SpawnsProjectileOwnedByShooterAlongAim()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);

        match.Step([Arena.Input(1, 1, aim: 16384, fire: true)]);

        EntityState projectile = Single(match, EntityKind.Projectile);
        Assert.Equal(1u, projectile.Aux);
        Assert.Equal(0, projectile.Vx);
        Assert.Equal(match.Rules.ProjectileSpeed, projectile.Vy);
        Assert.Equal((600 * Arena.U) + projectile.Vy, projectile.Y);
    }

    [Fact]
    public void Step_FireEveryTick_LimitedByCooldown()
    {
        Match match = Arena.Running(1);
        int cooldown = match.Rules.FireCooldownTicks;
        uint lastId = 1;
        int lastShotTick = -1;
        int shots = 0;
        for (uint seq = 1; seq <= 100; seq++)
        {
            match.Step([Arena.Input(1, seq, aim: (ushort)(seq * 700), fire: true), Arena.Input(1, seq + 1000, fire: true)]);
            ReadOnlySpan<EntityState> entities = match.World.Entities;
            if (entities[^1].Id > lastId)
            {
                lastId = entities[^1].Id;
                if (lastShotTick >= 0)
                {
                    Assert.Equal(cooldown, (int)match.World.Tick - lastShotTick);
                }

                lastShotTick = (int)match.World.Tick;
                shots++;
            }
        }

        Assert.True(shots >= 3);
    }

    [Fact]
    public void Step_ProjectileHitsEnemy_DealsDamageAndVanishes()
    {
        Match match = Shootout(out int ticks);

        Assert.Equal(match.Rules.MaxHealth - match.Rules.ProjectileDamage, Arena.Entity(match, 2).Health);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
        Assert.InRange(ticks, 1, 10);
    }

    [Fact]
    public void Step_OwnProjectile_NeverHitsOwner()
    {
        Match match = Arena.Running(1);
        Arena.Place(match, 1, 600, 600);

        match.Step([Arena.Input(1, 1, fire: true)]);
        match.Step([Arena.Input(1, 2, moveX: 127)]);
        Arena.Idle(match, 10);

        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, 1).Health);
    }

    [Fact]
    public void Step_LethalHit_KillsVictimAndScoresKiller()
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, 2, 800, 600);
        Arena.Entity(match, 2).Health = match.Rules.ProjectileDamage;

        match.Step([Arena.Input(1, 1, fire: true)]);
        while (Arena.CountKind(match, EntityKind.Projectile) > 0)
        {
            match.Step([]);
        }

        ref EntityState victim = ref Arena.Entity(match, 2);
        Assert.False(Arena.IsAlive(victim));
        Assert.Equal(0, victim.Health);
        Assert.True(Arena.HasEvent(match, GameEventKind.Kill, 1, 2));
        Assert.True(Arena.HasEvent(match, GameEventKind.ScoreChanged, 1, 0, match.Rules.KillScore));
        Assert.Equal(1u, Arena.Entity(match, 1).Aux);
        Assert.Equal(match.Rules.KillScore, Arena.Entity(match, 1).Score);
    }

    [Fact]
    public void Step_DeadPlayer_RespawnsAfterDelayProtectedWithFullHealth()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.SpawnProtectionTicks = 30;
        Match match = Arena.Running(2, rules);
        KillPlayer2(match);

        Arena.Idle(match, rules.RespawnDelayTicks - 1);
        Assert.False(Arena.IsAlive(Arena.Entity(match, 2)));

        match.Step([]);
        ref EntityState e = ref Arena.Entity(match, 2);
        Assert.Equal(EntityFlags.Alive | EntityFlags.SpawnProtected, e.Flags);
        Assert.Equal(rules.MaxHealth, e.Health);
        Assert.Contains(new MapPoint(e.X, e.Y), ArenaMap.SpawnPoints.ToArray());
    }

    [Fact]
    public void Step_SpawnProtected_TakesNoDamageUntilItExpires()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.SpawnProtectionTicks = 20;
        var match = new Match(1, 1, rules);
        match.AddPlayer("a");
        Arena.Idle(match, 2);
        uint late = match.AddPlayer("late");
        Assert.Equal(EntityFlags.Alive | EntityFlags.SpawnProtected, Arena.Entity(match, late).Flags);

        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, late, 750, 600);
        match.Step([Arena.Input(1, 1, fire: true)]);
        Arena.Idle(match, 6);
        Assert.Equal(rules.MaxHealth, Arena.Entity(match, late).Health);

        Arena.Idle(match, 20);
        Assert.Equal(EntityFlags.Alive, Arena.Entity(match, late).Flags);
        match.Step([Arena.Input(1, 2, fire: true)]);
        Arena.Idle(match, 6);
        Assert.Equal(rules.MaxHealth - rules.ProjectileDamage, Arena.Entity(match, late).Health);
    }

    [Fact]
    public void Step_FireWhileProtected_EndsProtection()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.SpawnProtectionTicks = 100;
        Match match = Arena.Running(1, rules);
        Assert.Equal(EntityFlags.Alive | EntityFlags.SpawnProtected, Arena.Entity(match, 1).Flags);

        match.Step([Arena.Input(1, 1, fire: true)]);

        Assert.Equal(EntityFlags.Alive, Arena.Entity(match, 1).Flags);
    }

    [Fact]
    public void Step_DeadPlayerInputs_AcknowledgedButDoNothing()
    {
        Match match = Arena.Running(2);
        KillPlayer2(match);
        EntityState before = Arena.Entity(match, 2);
        int projectiles = Arena.CountKind(match, EntityKind.Projectile);

        match.Step([Arena.Input(2, 50, moveX: 127, aim: 999, fire: true)]);

        ref EntityState after = ref Arena.Entity(match, 2);
        Assert.Equal(50u, after.LastInputSequence);
        Assert.Equal(before.X, after.X);
        Assert.Equal(before.Aim, after.Aim);
        Assert.Equal(projectiles, Arena.CountKind(match, EntityKind.Projectile));
    }

    /// <summary>Player 1 at (600, 600) shoots player 2 at (800, 600) once; returns when the projectile is gone.</summary>
    internal static Match Shootout(out int ticks)
    {
        Match match = Arena.Running(2);
        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, 2, 800, 600);
        match.Step([Arena.Input(1, 1, fire: true)]);
        ticks = 1;
        while (Arena.CountKind(match, EntityKind.Projectile) > 0 && ticks < 100)
        {
            match.Step([]);
            ticks++;
        }

        return match;
    }

    internal static void KillPlayer2(Match match)
    {
        Arena.Place(match, 1, 600, 600);
        Arena.Place(match, 2, 800, 600);
        Arena.Entity(match, 2).Health = 1;
        Arena.Entity(match, 2).Flags = EntityFlags.Alive;
        match.Step([Arena.Input(1, 1000, fire: true)]);
        for (int i = 0; i < 20 && Arena.IsAlive(Arena.Entity(match, 2)); i++)
        {
            // As the host does after forwarding them: Events then holds the killing tick's events only.
            match.ClearEvents();
            match.Step([]);
        }
    }

    private static EntityState Single(Match match, EntityKind kind)
    {
        foreach (EntityState e in match.World.Entities)
        {
            if (e.Kind == kind)
            {
                return e;
            }
        }

        throw new InvalidOperationException("None found.");
    }
}
