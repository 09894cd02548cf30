namespace GameServer.Protocol.Schema;

/// <summary>One kind of entity a game declares; its index in <see cref="GameSchema.Kinds"/> is what the wire carries.</summary>
/// <param name="Name">A name for tools and clients, unique in the schema.</param>
/// <param name="HasName">Whether each entity of the kind carries a name (players do), sent once when it spawns.</param>
public sealed record SchemaKind(string Name, bool HasName = false);
