using GameServer.Arena.Wire;

namespace GameServer.Simulation.Tests;

/// <summary>
/// Shots judged as the shooter saw them, with scripted latencies: the shooter's input is applied on tick N and says
/// it was made while the client displayed tick N - k (protocol.md, "Lag compensation").
/// </summary>
public sealed class LagCompensationTests
{
    private const ushort AimRight = 0;
    private const ushort AimDown = 16384;
    private const uint Shooter = 1;
    private const uint Target = 2;

    /// <summary>Ticks the target runs before the shot: past the history's bound, so the whole bound can be rewound.</summary>
    private const int RunUp = 20;

    [Fact]
    public void ArenaRules_Defaults_Compensate200Milliseconds()
    {
        Assert.Equal(6, new ArenaRules().LagCompensationTicks);
        Assert.Equal(12, ArenaRules.ForTickRate(60).LagCompensationTicks);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void Step_ShotAimedAtTheDisplayedTarget_HitsWithinTheBound(int ticksBehind)
    {
        Match match = CrossingShot(aimedTicksBehind: ticksBehind, viewTicksBehind: ticksBehind);

        Assert.Equal(match.Rules.MaxHealth - match.Rules.ProjectileDamage, Arena.Entity(match, Target).Health);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void Step_SameShotWithoutAView_MissesTheTargetThatMovedOn(int ticksBehind)
    {
        Match match = CrossingShot(aimedTicksBehind: ticksBehind, viewTicksBehind: null);

        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_ViewBeyondTheBound_IsJudgedAtTheBoundAndMisses()
    {
        Match match = CrossingShot(aimedTicksBehind: 10, viewTicksBehind: 10);

        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_ViewBeyondTheDefaultBound_HitsWhenTheBoundAllowsIt()
    {
        // The control of the test above: the same shot is a hit once the bound reaches back far enough.
        ArenaRules rules = Arena.QuietRules();
        rules.LagCompensationTicks = 10;

        Match match = CrossingShot(aimedTicksBehind: 10, viewTicksBehind: 10, rules);

        Assert.Equal(match.Rules.MaxHealth - match.Rules.ProjectileDamage, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_CompensationOff_JudgesAViewAtThePresent()
    {
        ArenaRules rules = Arena.QuietRules();
        rules.LagCompensationTicks = 0;

        Match match = CrossingShot(aimedTicksBehind: 4, viewTicksBehind: 4, rules);

        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_ViewAheadOfTheServer_IsJudgedAtThePresent()
    {
        // A shot aimed at the present (aimed 0 ticks behind) claiming a view from the future: judged at the present, a hit.
        Match match = CrossingShot(aimedTicksBehind: 0, viewTicksBehind: -5);

        Assert.Equal(match.Rules.MaxHealth - match.Rules.ProjectileDamage, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_SpawnProtectedTarget_TakesNoDamageFromARewoundHit()
    {
        Match match = CrossingShot(aimedTicksBehind: 4, viewTicksBehind: 4, beforeShot: m => Arena.Entity(m, Target).Flags |= EntityFlags.SpawnProtected);

        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, Target).Health);
        Assert.Equal(0, Arena.CountKind(match, EntityKind.Projectile));
    }

    [Theory]
    [InlineData(350, false)]
    [InlineData(600, true)]
    public void Step_RewoundShotAtATargetBehindAWall_StopsAtTheWall(int row, bool expectHit)
    {
        // At row 350 the wall from x 400 to 480 stands between the shooter and the target, in the present and in the
        // view alike; row 600 is open, the control.
        Match match = Arena.Running(2);
        Arena.Place(match, Shooter, 300, row);
        Arena.Place(match, Target, 560, row);
        Arena.Idle(match, RunUp);

        match.Step([Fire(AimRight, match.World.Tick + 1 - 4)]);
        RunOutProjectiles(match);

        int expected = match.Rules.MaxHealth - (expectHit ? match.Rules.ProjectileDamage : 0);
        Assert.Equal(expected, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_RewoundShotAtATargetThatDiedAndRespawnedSince_DoesNotHitItsNewLife()
    {
        Match match = ShotAtARespawnedTarget(viewed: true);

        Assert.True(Arena.IsAlive(Arena.Entity(match, Target)));
        Assert.Equal(match.Rules.MaxHealth, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_SameShotAtThePresent_HitsTheNewLifeStandingThere()
    {
        Match match = ShotAtARespawnedTarget(viewed: false);

        Assert.Equal(match.Rules.MaxHealth - match.Rules.ProjectileDamage, Arena.Entity(match, Target).Health);
    }

    [Fact]
    public void Step_RewoundShotAtATargetDeadNow_DoesNoDamage()
    {
        // The target is displayed alive in the shooter's view and dies before the shot lands: the dead take no damage.
        ArenaRules rules = Arena.QuietRules();
        rules.RespawnDelayTicks = 300;
        Match match = Arena.Running(3, rules);
        PlaceKillScene(match);
        uint viewed = match.World.Tick;
        KillTarget(match);

        match.Step([Fire(AimRight, viewTick: viewed)]);
        RunOutProjectiles(match);

        Assert.False(Arena.IsAlive(Arena.Entity(match, Target)));
        Assert.Equal(0, Arena.Entity(match, Target).Health);
        Assert.Equal(1, CountKills(match));
    }

    [Fact]
    public void Step_LagCompensatedShotsEveryTick_AllocateNothing()
    {
        Match match = Arena.Running(16, new ArenaRules { MinPlayersToStart = 1, TimeLimitTicks = 0, ScoreLimit = 0 });
        var inputs = new PlayerInput[16];
        uint sequence = 0;
        void Tick()
        {
            sequence++;
            uint view = match.World.Tick - 3;
            for (int p = 0; p < inputs.Length; p++)
            {
                ushort aim = (ushort)((sequence * 1500) + (p * 4099));
                var message = new InputMessage(sequence, 0, (sbyte)((p * 37 % 255) - 127), (sbyte)((sequence * 11 % 255) - 127), aim, Buttons.Fire, view);
                inputs[p] = new PlayerInput((uint)(p + 1), message);
            }

            match.ClearEvents();
            match.Step(inputs);
        }

        for (int i = 0; i < 600; i++)
        {
            Tick();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            Tick();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The target runs right along row 600 at full speed; the shooter, 200 units above it, fires straight down on tick N,
    /// placed so that on a screen <paramref name="aimedTicksBehind"/> ticks behind the projectile meets the target. The
    /// input claims a view <paramref name="viewTicksBehind"/> ticks behind N, or none (null). Returns after the shot.
    /// </summary>
    /// <remarks>
    /// Without compensation the target is 10 world units further right per tick of lag when the projectile crosses its
    /// row: from 3 ticks on, beyond the 26 units (player radius plus projectile radius) a hit needs.
    /// </remarks>
    private static Match CrossingShot(int aimedTicksBehind, int? viewTicksBehind, ArenaRules? rules = null, Action<Match>? beforeShot = null)
    {
        Match match = Arena.Running(2, rules ?? Arena.QuietRules());
        int speed = match.Rules.MaxSpeed;
        Assert.Equal(160, speed);
        Assert.Equal(480, match.Rules.ProjectileSpeed);

        const int startX = 100 * Arena.U;
        Arena.Place(match, Target, 100, 600);
        Arena.Entity(match, Target).Vx = speed;

        // The projectile, from row 400 at 480 a tick, passes row 600 on its 6th tick of flight (counting from 0); the
        // target was displayed there on tick N - aimed + 6, when it had run RunUp - aimed + 6 ticks from startX.
        int meetX = startX + (speed * (RunUp - aimedTicksBehind + 6));
        Arena.Place(match, Shooter, meetX / Arena.U, 400);
        Assert.Equal(meetX, Arena.Entity(match, Shooter).X);

        match.Step([Arena.Input(Target, 1, moveX: 127)]);
        Arena.Idle(match, RunUp - 2);
        beforeShot?.Invoke(match);
        PlayerInput shot = viewTicksBehind is int behind
            ? Fire(AimDown, (uint)(match.World.Tick + 1 - behind))
            : Arena.Input(Shooter, 1, aim: AimDown, fire: true);
        match.Step([shot]);
        RunOutProjectiles(match);
        return match;
    }

    /// <summary>
    /// The shooter aims at the target 60 units to its right; a third player kills the target, which respawns and is put
    /// back where it stood; then the shooter fires with a view from before the kill, or without a view.
    /// </summary>
    private static Match ShotAtARespawnedTarget(bool viewed)
    {
        ArenaRules rules = Arena.QuietRules();
        rules.RespawnDelayTicks = 3;
        Match match = Arena.Running(3, rules);
        PlaceKillScene(match);
        uint view = match.World.Tick;
        KillTarget(match);
        while (!Arena.IsAlive(Arena.Entity(match, Target)))
        {
            match.Step([]);
        }

        Arena.Place(match, Target, 600, 600);
        Assert.InRange((int)(match.World.Tick + 1 - view), 1, match.Rules.LagCompensationTicks);

        match.Step([Fire(AimRight, viewTick: viewed ? view : 0)]);
        RunOutProjectiles(match);
        return match;
    }

    /// <summary>Shooter at (540, 600), the target 60 units right of it, the killer 60 units above the target; target one hit from death.</summary>
    private static void PlaceKillScene(Match match)
    {
        Arena.Place(match, Shooter, 540, 600);
        Arena.Place(match, Target, 600, 600);
        Arena.Place(match, 3, 600, 540);
        Arena.Entity(match, Target).Health = match.Rules.ProjectileDamage;
        Arena.Idle(match, RunUp);
    }

    private static void KillTarget(Match match)
    {
        match.Step([Arena.Input(3, 1, aim: AimDown, fire: true)]);
        while (Arena.IsAlive(Arena.Entity(match, Target)))
        {
            match.Step([]);
        }
    }

    /// <summary>The shooter's shot, its input made while the client displayed <paramref name="viewTick"/>.</summary>
    private static PlayerInput Fire(ushort aim, uint viewTick) =>
        new(Shooter, new InputMessage(1, 0, 0, 0, aim, Buttons.Fire, viewTick));

    private static void RunOutProjectiles(Match match)
    {
        while (Arena.CountKind(match, EntityKind.Projectile) > 0)
        {
            match.Step([]);
        }
    }

    private static int CountKills(Match match)
    {
        int kills = 0;
        foreach (GameEvent e in match.Events)
        {
            if (e.Kind == GameEventKind.Kill)
            {
                kills++;
            }
        }

        return kills;
    }
}
