using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>The tiny schema and worlds of docs/netcode-v2.md's test vectors: named players with a score, balls that roll.</summary>
internal static class TinyGame
{
    public static GameSchema Schema { get; } = new(
        "tiny",
        1,
        [new SchemaKind("player", HasName: true), new SchemaKind("ball")],
        [
            new SchemaField("vx", -8, 7, ["ball"]),
            new SchemaField("x", 0, 255, ["player", "ball"], Prediction: FieldPrediction.Velocity, VelocityField: "vx"),
            new SchemaField("score", 0, 1000, ["player"], Prediction: FieldPrediction.Previous),
        ],
        [new InputField("move", -1, 1), new InputField("jump", 0, 1)]);

    /// <summary>The snapshot vector's world: tick 10, running, player 1 "ab" at x 100 with 5 points; balls 2 and 3 rolling.</summary>
    public static SchemaWorld SnapshotWorld()
    {
        var world = new SchemaWorld(Schema) { Tick = 10, Phase = MatchPhase.Running, PhaseTicksLeft = 100 };
        Set(world, world.Add(1, 0, "ab"), vx: 0, x: 100, score: 5);
        Set(world, world.Add(2, 1), vx: 1, x: 20, score: 0);
        Set(world, world.Add(3, 1), vx: -2, x: 50, score: 0);
        return world;
    }

    /// <summary>
    /// The delta vector's world, two ticks on: player 1 scored 10, ball 2 is gone, ball 3 rolled as predicted
    /// (50 - 2 × 2 = 46, which costs nothing), ball 4 appeared.
    /// </summary>
    public static SchemaWorld DeltaWorld()
    {
        var world = new SchemaWorld(Schema) { Tick = 12, Phase = MatchPhase.Running, PhaseTicksLeft = 98 };
        Set(world, world.Add(1, 0, "ab"), vx: 0, x: 100, score: 15);
        Set(world, world.Add(3, 1), vx: -2, x: 46, score: 0);
        Set(world, world.Add(4, 1), vx: 3, x: 7, score: 0);
        return world;
    }

    private static void Set(SchemaWorld world, int index, int vx, int x, int score)
    {
        Span<int> values = world.ValuesAt(index);
        values[0] = vx;
        values[1] = x;
        values[2] = score;
    }
}
