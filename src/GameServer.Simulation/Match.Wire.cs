using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>Arena on the wire: its v2 schema, its state through <see cref="ArenaStateAdapter"/>, its v1 world, its hash.</summary>
public sealed partial class Match
{
    public GameSchema Schema => _schema;

    public uint Tick => _world.Tick;

    public uint PhaseTicksLeft => _world.PhaseTicksLeft;

    public void WriteState(SchemaWorld target) => ArenaStateAdapter.ToSchema(_world, target);

    public ulong ComputeHash() => _world.ComputeHash();
}
