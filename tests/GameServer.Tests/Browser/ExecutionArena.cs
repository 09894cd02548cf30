using System.Runtime.InteropServices;
using GameServer.Arena.Wire;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Browser;

/// <summary>
/// Arena where a player named <see cref="KillerName"/> is placed beside the first other player once the match runs
/// and shoots it, tick after tick, until it has killed it once: a real kill by the real rules, without aiming bots.
/// </summary>
internal sealed class ExecutionArena(uint id, ulong seed, ArenaRules rules) : ArenaDecorator(new Match(id, seed, rules))
{
    public const string KillerName = "Killer";

    private readonly List<PlayerInput> _inputs = [];
    private uint _sequence;
    private bool _placed;
    private bool _done;

    /// <summary>A server of this Arena: one hit kills, no spawn protection, a short countdown once two have joined.</summary>
    public static Task<TestServer> StartServerAsync() =>
        TestServer.StartAsync(configure: builder =>
        {
            ArenaRules rules = ArenaRules.ForTickRate(ArenaRules.DefaultTickRate);
            rules.MinPlayersToStart = 2;
            rules.CountdownTicks = 15;
            rules.ProjectileDamage = rules.MaxHealth;
            rules.SpawnProtectionTicks = 0;
            rules.MaxPickups = 0;
            builder.Services.AddSingleton(rules);
            builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new ExecutionArena(id, seed, rules));
        });

    public override void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        if (_done || Arena.Phase != MatchPhase.Running || !TryFindPair(out uint killer, out uint victim))
        {
            Arena.Step(inputs);
            return;
        }

        ref EntityState target = ref World.Get(victim);
        bool fromLeft = target.X > ArenaMap.Width / 2;
        int x = target.X + ((fromLeft ? -100 : 100) * Quantization.PositionScale);
        int y = target.Y;
        if (!_placed)
        {
            // The world is the match's own state: moving the entity moves the player.
            ref EntityState shooter = ref World.Get(killer);
            (shooter.X, shooter.Y, shooter.Vx, shooter.Vy) = (x, y, 0, 0);
            _placed = true;
        }

        _inputs.Clear();
        _inputs.AddRange(inputs);
        ushort aim = fromLeft ? (ushort)0 : (ushort)(Quantization.AngleUnitsPerTurn / 2);
        _inputs.Add(new PlayerInput(killer, new InputMessage(++_sequence, 0, 0, 0, aim, Buttons.Fire)));
        Arena.Step(CollectionsMarshal.AsSpan(_inputs));
        foreach (GameEvent e in Arena.Events)
        {
            _done |= e.Kind == GameEventKind.Kill && e.Object == victim;
        }
    }

    private bool TryFindPair(out uint killer, out uint victim)
    {
        (killer, victim) = (0, 0);
        foreach (ref readonly EntityState e in World.Entities)
        {
            if (e.Kind != EntityKind.Player)
            {
                continue;
            }

            if (e.Name == KillerName)
            {
                killer = e.Id;
            }
            else if (victim == 0 && (e.Flags & EntityFlags.Alive) != 0)
            {
                victim = e.Id;
            }
        }

        return killer != 0 && victim != 0;
    }
}
