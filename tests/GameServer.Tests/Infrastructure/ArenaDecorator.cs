using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Simulation;

namespace GameServer.Tests.Infrastructure;

/// <summary>The real Arena behind <see cref="IMatchSimulation"/>, for test arenas that change only how a step goes.</summary>
internal abstract class ArenaDecorator(Match arena) : IEntityWorldSimulation
{
    protected Match Arena { get; } = arena;

    public uint Id => Arena.Id;

    public WorldState World => Arena.World;

    public uint Tick => Arena.Tick;

    public MatchPhase Phase => Arena.Phase;

    public uint PhaseTicksLeft => Arena.PhaseTicksLeft;

    public bool IsClosed => Arena.IsClosed;

    public GameServer.Protocol.Schema.GameSchema Schema => Arena.Schema;

    public void WriteState(GameServer.Protocol.Schema.SchemaWorld target) => Arena.WriteState(target);

    public int GetStandings(Span<Standing> destination) => Arena.GetStandings(destination);

    public ulong ComputeHash() => Arena.ComputeHash();

    public ReadOnlySpan<GameEvent> Events => Arena.Events;

    public void ClearEvents() => Arena.ClearEvents();

    public uint AddPlayer(string name) => Arena.AddPlayer(name);

    public void RemovePlayer(uint playerId) => Arena.RemovePlayer(playerId);

    public virtual void Step(ReadOnlySpan<PlayerInput> inputs) => Arena.Step(inputs);
}
