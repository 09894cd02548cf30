using GameServer.Protocol.Schema;

namespace GameServer.LoadTest.Tag;

/// <summary>The indices of the fields a Tag bot reads, found by name in the schema Welcome brings (protocol v2).</summary>
public readonly record struct TagFields(int X, int Y, int It, int Immune)
{
    /// <summary>The game name whose matches the bots play as Tag.</summary>
    public const string GameName = "tag";

    /// <summary>False when the schema lacks a field the bot steers by: then it is not a Tag the swarm knows.</summary>
    public static bool TryFind(GameSchema schema, out TagFields fields)
    {
        ArgumentNullException.ThrowIfNull(schema);
        fields = new TagFields(schema.FieldIndex("x"), schema.FieldIndex("y"), schema.FieldIndex("it"), schema.FieldIndex("immune"));
        return fields.X >= 0 && fields.Y >= 0 && fields.It >= 0 && fields.Immune >= 0 && schema.Input.Count == 2;
    }
}
