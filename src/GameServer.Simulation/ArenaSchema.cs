using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>
/// Arena's v2 wire schema: players, projectiles and pickups with the fields each has, sized to the ranges the rules
/// allow. A player's last input sequence is not entity state in v2 (it is the player's own acknowledgement, sent per
/// player), so it is not here. The field indices below are the schema's; <see cref="ArenaStateAdapter"/> uses them.
/// </summary>
public static class ArenaSchema
{
    public const string GameName = "arena";

    /// <summary>Bumped whenever the layout below changes.</summary>
    public const uint Version = 1;

    // Velocities come first: positions are predicted from them, and a decoder reads a velocity before its position.
    public const int Vx = 0;
    public const int Vy = 1;
    public const int X = 2;
    public const int Y = 3;
    public const int Aim = 4;
    public const int Health = 5;
    public const int Score = 6;
    public const int Flags = 7;
    public const int Kills = 8;
    public const int Owner = 9;
    public const int Pickup = 10;

    // The input fields' indices.
    public const int MoveX = 0;
    public const int MoveY = 1;
    public const int InputAim = 2;
    public const int Buttons = 3;

    private const string Player = "player";
    private const string Projectile = "projectile";
    private const string PickupKindName = "pickup";

    /// <summary>The schema of matches played by <paramref name="rules"/>: velocities and health are sized by them.</summary>
    public static GameSchema For(ArenaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        int speed = Math.Max(rules.MaxSpeed, rules.ProjectileSpeed);
        string[] moving = [Player, Projectile];
        string[] all = [Player, Projectile, PickupKindName];
        string[] player = [Player];
        double anglesPerRadian = Quantization.AngleUnitsPerTurn / (2 * Math.PI);
        return new GameSchema(
            GameName,
            Version,
            [new SchemaKind(Player, HasName: true), new SchemaKind(Projectile), new SchemaKind(PickupKindName)],
            [
                new SchemaField("vx", -speed, speed, moving, Quantization.PositionScale),
                new SchemaField("vy", -speed, speed, moving, Quantization.PositionScale),
                new SchemaField("x", 0, ArenaMap.Width - 1, all, Quantization.PositionScale, Prediction: FieldPrediction.Velocity, VelocityField: "vx"),
                new SchemaField("y", 0, ArenaMap.Height - 1, all, Quantization.PositionScale, Prediction: FieldPrediction.Velocity, VelocityField: "vy"),

                // Full precision: bots and players turn in steps far below a degree, and coarser aim would have to be
                // quantized where Match sets it for the round trip to stay exact (a Match change, not made here).
                new SchemaField("aim", 0, Quantization.AngleUnitsPerTurn - 1, moving, anglesPerRadian, Wrap: true, Prediction: FieldPrediction.Previous),
                new SchemaField("health", 0, rules.MaxHealth, player),
                new SchemaField("score", 0, int.MaxValue, player, Prediction: FieldPrediction.Previous),
                new SchemaField("flags", 0, (int)(EntityFlags.Alive | EntityFlags.SpawnProtected), player),
                new SchemaField("kills", 0, int.MaxValue, player, Prediction: FieldPrediction.Previous),
                new SchemaField("owner", 0, int.MaxValue, [Projectile]),
                new SchemaField("pickup", (int)PickupKind.Health, (int)PickupKind.ScoreOrb, [PickupKindName]),
            ],
            [
                new InputField("moveX", -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis),
                new InputField("moveY", -Quantization.MaxMoveAxis, Quantization.MaxMoveAxis),
                new InputField("aim", 0, Quantization.AngleUnitsPerTurn - 1, Wrap: true),
                new InputField("buttons", 0, (int)GameServer.Arena.Wire.Buttons.Fire),
            ]);
    }

    /// <summary>Arena's input from a game input's values, in the order of the schema's input fields (v1's order too).</summary>
    public static InputMessage ToInput(in GameInput input) =>
        new(
            input.Sequence,
            input.AckTick,
            (sbyte)input.Values[MoveX],
            (sbyte)input.Values[MoveY],
            (ushort)input.Values[InputAim],
            (GameServer.Arena.Wire.Buttons)input.Values[Buttons],
            input.ViewTick);

    /// <summary>A v2 Input's values for Arena's input, in the schema's order: what a client writes.</summary>
    public static void FromInput(in InputMessage input, Span<int> values)
    {
        values[MoveX] = input.MoveX;
        values[MoveY] = input.MoveY;
        values[InputAim] = input.Aim;
        values[Buttons] = (int)input.Buttons;
    }
}
