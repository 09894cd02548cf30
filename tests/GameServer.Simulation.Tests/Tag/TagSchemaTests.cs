using System.Buffers;
using GameServer.Protocol.Schema;
using GameServer.Simulation.Tag;

namespace GameServer.Simulation.Tests.Tag;

public sealed class TagSchemaTests
{
    [Fact]
    public void For_DefaultRules_IsExactlyTheContract()
    {
        var rules = new TagRules();
        GameSchema schema = TagSchema.For(rules);
        int speed = rules.MaxSpeed;

        Assert.Equal("tag", schema.Game);
        Assert.Equal(1u, schema.Version);
        Assert.Equal([new SchemaKind("player", HasName: true)], schema.Kinds);
        (string Name, int Min, int Max, double Scale, FieldPrediction Prediction, string? Velocity, int Index)[] expected =
        [
            ("vx", -speed, speed, 16, FieldPrediction.None, null, TagSchema.Vx),
            ("vy", -speed, speed, 16, FieldPrediction.None, null, TagSchema.Vy),
            ("x", 0, (1000 * 16) - 1, 16, FieldPrediction.Velocity, "vx", TagSchema.X),
            ("y", 0, (700 * 16) - 1, 16, FieldPrediction.Velocity, "vy", TagSchema.Y),
            ("it", 0, 1, 1, FieldPrediction.None, null, TagSchema.It),
            ("score", 0, int.MaxValue, 1, FieldPrediction.Previous, null, TagSchema.Score),
            ("tags", 0, int.MaxValue, 1, FieldPrediction.Previous, null, TagSchema.Tags),
            ("immune", 0, 1, 1, FieldPrediction.None, null, TagSchema.Immune),
        ];
        Assert.Equal(expected.Length, schema.Fields.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            SchemaField field = schema.Fields[i];
            Assert.Equal(i, expected[i].Index);
            Assert.Equal(expected[i], (field.Name, field.Min, field.Max, field.Scale, field.Prediction, field.VelocityField, i));
            Assert.Equal(["player"], field.Kinds);
            Assert.False(field.Wrap);
        }

        Assert.Equal([new InputField("moveX", -127, 127), new InputField("moveY", -127, 127)], schema.Input);
        Assert.Equal(TagSchema.MoveX, schema.Input.ToList().FindIndex(f => f.Name == "moveX"));
        Assert.Equal(TagSchema.MoveY, schema.Input.ToList().FindIndex(f => f.Name == "moveY"));
        Assert.Equal(schema.ToBytes(), GameSchema.FromBytes(schema.ToBytes()).ToBytes());
    }

    [Fact]
    public void TagMatch_Schema_IsTheSchemaOfItsRules()
    {
        var rules = TagRules.ForTickRate(60);
        var match = new TagMatch(1, 1, rules);

        Assert.Equal(TagSchema.For(rules).ToBytes(), match.Schema.ToBytes());
    }

    [Fact]
    public void WriteState_EveryTickOfAPlayedMatch_RoundTripsBitExactlyThroughTheV2Codec()
    {
        var rules = new TagRules { CountdownTicks = 5, TimeLimitTicks = 600, EndedTicks = 10 };
        var match = new TagMatch(1, 5, rules);
        var ids = new List<uint>();
        for (int p = 0; p < 6; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new TagBots(match.Schema, 8, seed: 5);
        var writer = new SchemaStateWriter(match.Schema);
        var reader = new SchemaStateReader(match.Schema);
        var previous = new SchemaWorld(match.Schema);
        var current = new SchemaWorld(match.Schema);
        var client = new SchemaWorld(match.Schema);
        var buffer = new ArrayBufferWriter<byte>();
        int tags = 0;
        bool first = true;
        while (!match.IsClosed)
        {
            if (match.Tick == 300)
            {
                // Churn mid-match: "it" leaves (another is picked) and a new player arrives with a name to send.
                uint it = TagPlay.It(match);
                match.RemovePlayer(it);
                ids.Remove(it);
                ids.Add(match.AddPlayer("late"));
            }

            match.ClearEvents();
            match.Step(bots.InputsFor(match, ids));
            tags += match.Events.ToArray().Count(e => e.Kind == GameEventKind.Kill);
            match.WriteState(current);
            buffer.ResetWrittenCount();
            if (first)
            {
                writer.WriteSnapshot(buffer, current);
                first = false;
            }
            else
            {
                writer.WriteDelta(buffer, previous, current);
            }

            DecodeStatus status = reader.TryRead(new ReadOnlySequence<byte>(buffer.WrittenMemory), client, out _, out string? reason);
            Assert.True(status == DecodeStatus.Ok, reason);
            Assert.True(client.ContentEquals(current), $"The client's world differs from the server's at tick {current.Tick}.");
            previous.CopyFrom(current);
        }

        Assert.True(tags > 0, "The bots should tag someone.");
        Assert.Equal(MatchPhase.Ended, client.Phase);
    }
}
