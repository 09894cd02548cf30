using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>Arena on protocol v2: its schema, its state through <see cref="ArenaStateAdapter"/>, its input from the schema's values.</summary>
public sealed partial class Match
{
    public GameSchema Schema => _schema;

    public void WriteState(SchemaWorld target) => ArenaStateAdapter.ToSchema(_world, target);

    public InputMessage ToInput(in InputMessage header, ReadOnlySpan<int> values) => ArenaSchema.ToInput(header, values);
}
