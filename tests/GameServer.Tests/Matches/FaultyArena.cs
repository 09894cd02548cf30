using GameServer.Protocol;
using GameServer.Simulation;

namespace GameServer.Tests.Matches;

/// <summary>Arena, except that its step throws once a player named "boom" is in it: a match whose simulation fails.</summary>
internal sealed class FaultyArena(uint id, ulong seed) : IMatchSimulation
{
    public const string Trigger = "boom";

    private readonly Match _arena = new(id, seed, new ArenaRules { MinPlayersToStart = 1 });

    public uint Id => _arena.Id;

    public WorldState World => _arena.World;

    public bool IsClosed => _arena.IsClosed;

    public ReadOnlySpan<GameEvent> Events => _arena.Events;

    public void ClearEvents() => _arena.ClearEvents();

    public uint AddPlayer(string name) => _arena.AddPlayer(name);

    public void RemovePlayer(uint playerId) => _arena.RemovePlayer(playerId);

    public void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        foreach (ref readonly EntityState e in World.Entities)
        {
            if (e.Name == Trigger)
            {
                throw new InvalidOperationException("The simulation failed (on purpose, in a test).");
            }
        }

        _arena.Step(inputs);
    }
}
