using System.Buffers;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

public sealed class GameSchemaTests
{
    private static readonly SchemaKind[] s_oneKind = [new SchemaKind("ball")];
    private static readonly string[] s_ball = ["ball"];

    public static TheoryData<string, SchemaField[], string> InvalidFields => new()
    {
        { "min above max", [new SchemaField("x", 5, 4, s_ball)], "min 5 above max 4" },
        { "duplicate names", [new SchemaField("x", 0, 1, s_ball), new SchemaField("x", 0, 1, s_ball)], "Two fields are named 'x'" },
        { "unknown kind", [new SchemaField("x", 0, 1, ["wall"])], "kind 'wall', which the schema does not declare" },
        { "no kinds", [new SchemaField("x", 0, 1, [])], "names no kinds" },
        { "velocity declared after", [new SchemaField("x", 0, 9, s_ball, Prediction: FieldPrediction.Velocity, VelocityField: "vx"), new SchemaField("vx", 0, 1, s_ball)], "declared before it" },
        { "velocity missing", [new SchemaField("x", 0, 9, s_ball, Prediction: FieldPrediction.Velocity)], "declared before it" },
        { "velocity without prediction", [new SchemaField("vx", 0, 1, s_ball), new SchemaField("x", 0, 9, s_ball, VelocityField: "vx")], "not Velocity" },
        { "zero scale", [new SchemaField("x", 0, 1, s_ball, Scale: 0)], "positive finite" },
        { "empty name", [new SchemaField("", 0, 1, s_ball)], "name must be 1 to 64 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void Constructor_InvalidField_ThrowsSayingWhatToChange(string scenario, SchemaField[] fields, string message)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new GameSchema("g", 1, s_oneKind, fields, []));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{scenario}: {error.Message}");
    }

    [Fact]
    public void Constructor_NoKindsOrVersionZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => new GameSchema("g", 1, [], [], []));
        Assert.Throws<ArgumentException>(() => new GameSchema("g", 0, s_oneKind, [], []));
        Assert.Throws<ArgumentException>(() => new GameSchema("g", 1, s_oneKind, [], [new InputField("a", 1, 0)]));
    }

    [Fact]
    public void MessagePackForm_RoundTrips()
    {
        GameSchema tag = TagGame.Schema;
        GameSchema read = GameSchema.FromBytes(tag.ToBytes());
        Assert.Equal(tag.ToBytes(), read.ToBytes());
        Assert.Equal("tag", read.Game);
        Assert.Equal(FieldPrediction.Velocity, read.Fields[read.FieldIndex("x")].Prediction);
        Assert.Equal("vx", read.Fields[read.FieldIndex("x")].VelocityField);
        Assert.False(read.KindHasField(read.KindIndex("base"), read.FieldIndex("it")));
    }

    [Fact]
    public void FromBytes_InvalidOrTruncated_Throws()
    {
        byte[] bytes = TagGame.Schema.ToBytes();
        for (int length = 0; length < bytes.Length; length++)
        {
            Exception error = Assert.ThrowsAny<Exception>(() => GameSchema.FromBytes(bytes.AsMemory(0, length)));
            Assert.True(error is MessagePack.MessagePackSerializationException or EndOfStreamException or ArgumentException, error.ToString());
        }
    }

    [Fact]
    public void TagGame_ASecondGame_RoundTripsThroughTheSameCodec()
    {
        GameSchema schema = TagGame.Schema;
        var before = new SchemaWorld(schema) { Tick = 1, Phase = MatchPhase.Running };
        TagGame.AddPlayer(before, 1, "it", x: 100, y: 100, vx: 5, vy: 0, it: true);
        TagGame.AddPlayer(before, 2, "runner", x: 400, y: 300, vx: -3, vy: 2, it: false);
        TagGame.AddBase(before, 3, x: 50, y: 60);

        var after = new SchemaWorld(schema);
        after.CopyFrom(before);
        after.Tick = 2;
        after.ValuesAt(0)[schema.FieldIndex("x")] = 105;
        after.ValuesAt(1)[schema.FieldIndex("x")] = 397;
        after.ValuesAt(1)[schema.FieldIndex("y")] = 302;
        after.ValuesAt(0)[schema.FieldIndex("it")] = 0;
        after.ValuesAt(1)[schema.FieldIndex("it")] = 1;

        var writer = new SchemaStateWriter(schema);
        var reader = new SchemaStateReader(schema);
        var buffer = new ArrayBufferWriter<byte>();
        writer.WriteSnapshot(buffer, before);
        var client = new SchemaWorld(schema);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(buffer.WrittenMemory), client, out _, out _));
        Assert.True(client.ContentEquals(before));

        buffer.Clear();
        writer.WriteDelta(buffer, before, after);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(buffer.WrittenMemory), client, out _, out _));
        Assert.True(client.ContentEquals(after));
    }
}
