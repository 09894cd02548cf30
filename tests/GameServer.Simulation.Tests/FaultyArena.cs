namespace GameServer.Simulation.Tests;

/// <summary>Arena with a bug: its Step throws on one tick, as a simulation bug would on the server.</summary>
internal sealed class FaultyArena(uint failingTick) : IReplayableGame
{
    private readonly ArenaGame _arena = new(new ArenaRules());

    public string Name => _arena.Name;

    public byte[] Settings => _arena.Settings;

    public IMatchSimulation Create(uint id, ulong seed, ReadOnlySpan<byte> settings) => new Simulation(_arena.Create(id, seed, settings), failingTick);

    private sealed class Simulation(IMatchSimulation inner, uint failingTick) : IMatchSimulation
    {
        public uint Id => inner.Id;

        public uint Tick => inner.Tick;

        public MatchPhase Phase => inner.Phase;

        public uint PhaseTicksLeft => inner.PhaseTicksLeft;

        public bool IsClosed => inner.IsClosed;

        public GameServer.Protocol.Schema.GameSchema Schema => inner.Schema;

        public void WriteState(GameServer.Protocol.Schema.SchemaWorld target) => inner.WriteState(target);

        public int GetStandings(Span<Standing> destination) => inner.GetStandings(destination);

        public ulong ComputeHash() => inner.ComputeHash();

        public ReadOnlySpan<GameEvent> Events => inner.Events;

        public void ClearEvents() => inner.ClearEvents();

        public uint AddPlayer(string name) => inner.AddPlayer(name);

        public void RemovePlayer(uint playerId) => inner.RemovePlayer(playerId);

        public void Step(ReadOnlySpan<PlayerInput> inputs)
        {
            if (inner.Tick + 1 == failingTick)
            {
                throw new IndexOutOfRangeException("Index was outside the bounds of the array.");
            }

            inner.Step(inputs);
        }
    }
}
