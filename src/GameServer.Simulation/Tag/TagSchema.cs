using GameServer.Protocol.Schema;

namespace GameServer.Simulation.Tag;

/// <summary>
/// Tag's v2 wire schema: one kind, players, with their motion, who is "it", the score, the tags made and immunity.
/// The field and input indices below are the schema's; <see cref="TagMatch"/> writes and reads by them.
/// </summary>
public static class TagSchema
{
    public const string GameName = "tag";

    /// <summary>Bumped whenever the layout below changes.</summary>
    public const uint Version = 1;

    /// <summary>The only kind's index.</summary>
    public const int PlayerKind = 0;

    // Velocities come first: positions are predicted from them, and a decoder reads a velocity before its position.
    public const int Vx = 0;
    public const int Vy = 1;
    public const int X = 2;
    public const int Y = 3;
    public const int It = 4;
    public const int Score = 5;
    public const int Tags = 6;
    public const int Immune = 7;

    // The input fields' indices.
    public const int MoveX = 0;
    public const int MoveY = 1;

    private const string Player = "player";

    /// <summary>The schema of matches played by <paramref name="rules"/>: the velocities' range is "it"'s speed.</summary>
    public static GameSchema For(TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        int speed = rules.MaxSpeed;
        string[] player = [Player];
        return new GameSchema(
            GameName,
            Version,
            [new SchemaKind(Player, HasName: true)],
            [
                new SchemaField("vx", -speed, speed, player, Quantization.PositionScale),
                new SchemaField("vy", -speed, speed, player, Quantization.PositionScale),
                new SchemaField("x", 0, TagRules.Width - 1, player, Quantization.PositionScale, Prediction: FieldPrediction.Velocity, VelocityField: "vx"),
                new SchemaField("y", 0, TagRules.Height - 1, player, Quantization.PositionScale, Prediction: FieldPrediction.Velocity, VelocityField: "vy"),
                new SchemaField("it", 0, 1, player),
                new SchemaField("score", 0, int.MaxValue, player, Prediction: FieldPrediction.Previous),
                new SchemaField("tags", 0, int.MaxValue, player, Prediction: FieldPrediction.Previous),
                new SchemaField("immune", 0, 1, player),
            ],
            [
                new InputField("moveX", -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis),
                new InputField("moveY", -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis),
            ]);
    }
}
