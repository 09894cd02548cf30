using GameServer.Arena.Wire;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Matches;

/// <summary>Arena, except that its step throws once a player named "boom" is in it: a match whose simulation fails.</summary>
internal sealed class FaultyArena(uint id, ulong seed) : ArenaDecorator(new Match(id, seed, new ArenaRules { MinPlayersToStart = 1 }))
{
    public const string Trigger = "boom";

    public override void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        foreach (ref readonly EntityState e in World.Entities)
        {
            if (e.Name == Trigger)
            {
                throw new InvalidOperationException("The simulation failed (on purpose, in a test).");
            }
        }

        Arena.Step(inputs);
    }
}
