using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>A game that is not Arena, declared with no code of its own: tag, with named players (one is "it") and static bases.</summary>
internal static class TagGame
{
    public static GameSchema Schema { get; } = new(
        "tag",
        3,
        [new SchemaKind("player", HasName: true), new SchemaKind("base")],
        [
            new SchemaField("vx", -64, 64, ["player"], Scale: 8),
            new SchemaField("vy", -64, 64, ["player"], Scale: 8),
            new SchemaField("x", 0, 8191, ["player", "base"], Scale: 8, Prediction: FieldPrediction.Velocity, VelocityField: "vx"),
            new SchemaField("y", 0, 8191, ["player", "base"], Scale: 8, Prediction: FieldPrediction.Velocity, VelocityField: "vy"),
            new SchemaField("it", 0, 1, ["player"]),
        ],
        [new InputField("moveX", -1, 1), new InputField("moveY", -1, 1)]);

    public static void AddPlayer(SchemaWorld world, uint id, string name, int x, int y, int vx, int vy, bool it)
    {
        Span<int> v = world.ValuesAt(world.Add(id, Schema.KindIndex("player"), name));
        v[Schema.FieldIndex("x")] = x;
        v[Schema.FieldIndex("y")] = y;
        v[Schema.FieldIndex("vx")] = vx;
        v[Schema.FieldIndex("vy")] = vy;
        v[Schema.FieldIndex("it")] = it ? 1 : 0;
    }

    public static void AddBase(SchemaWorld world, uint id, int x, int y)
    {
        Span<int> v = world.ValuesAt(world.Add(id, Schema.KindIndex("base")));
        v[Schema.FieldIndex("x")] = x;
        v[Schema.FieldIndex("y")] = y;
    }
}
