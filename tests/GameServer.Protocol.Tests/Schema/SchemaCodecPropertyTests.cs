using System.Buffers;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>Any world sequence of any schema round-trips bit-exactly through the v2 codec, across one tick or many.</summary>
public sealed class SchemaCodecPropertyTests
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomSchemasAndWorlds_RoundTripBitExactly(int seed)
    {
        var random = new RandomSchemaWorlds(seed);
        for (int s = 0; s < 60; s++)
        {
            GameSchema schema = random.NextSchema();
            var writer = new SchemaStateWriter(schema);
            var reader = new SchemaStateReader(schema);
            var client = new SchemaWorld(schema);
            SchemaWorld world = random.NextWorld(schema, random.Random.Next(0, 40));

            _buffer.Clear();
            writer.WriteSnapshot(_buffer, world);
            Read(reader, client, $"schema {s}: snapshot");
            Assert.True(client.ContentEquals(world), $"schema {s}: the snapshot does not round-trip");

            for (int step = 0; step < 30; step++)
            {
                uint elapsed = random.Random.Next(10) switch
                {
                    0 => 0,
                    1 => (uint)random.Random.Next(2, 40),
                    2 => SchemaStateReader.MaxDeltaTicks,
                    _ => 1,
                };
                SchemaWorld next = random.Next(world, elapsed);
                _buffer.Clear();
                writer.WriteDelta(_buffer, world, next);
                Read(reader, client, $"schema {s}, step {step}");
                Assert.True(client.ContentEquals(next), $"schema {s}, step {step} ({elapsed} ticks): the delta does not round-trip");
                world = next;
            }
        }
    }

    [Fact]
    public void DeltaAcrossSeveralTicks_EntitiesMovingAsPredicted_CostNothing()
    {
        GameSchema schema = TinyGame.Schema;
        SchemaWorld before = TinyGame.SnapshotWorld();
        var after = new SchemaWorld(schema);
        after.CopyFrom(before);
        after.Tick += 7;
        after.ValuesAt(1)[1] = 20 + 7 * 1;
        after.ValuesAt(2)[1] = 50 + 7 * -2;

        _buffer.Clear();
        new SchemaStateWriter(schema).WriteDelta(_buffer, before, after);
        var client = new SchemaWorld(schema);
        client.CopyFrom(before);
        Read(new SchemaStateReader(schema), client, "seven ticks");
        Assert.True(client.ContentEquals(after));

        // [18, 10, 17, 2, 100, bin of 2 bytes]: three empty lists in 15 bits; the balls' 7 ticks of rolling cost nothing.
        Assert.Equal(10, _buffer.WrittenCount);
    }

    [Fact]
    public void Delta_SpawnsBelowAndBetweenSurvivors_PutsThemInIdOrder()
    {
        SchemaWorld before = TinyWorld([5, 10]);
        SchemaWorld after = TinyWorld([1, 5, 7, 10, 12]);
        after.Tick = before.Tick + 1;

        _buffer.Clear();
        new SchemaStateWriter(TinyGame.Schema).WriteDelta(_buffer, before, after);
        Read(new SchemaStateReader(TinyGame.Schema), before, "spawns between survivors");
        Assert.True(before.ContentEquals(after));
    }

    [Fact]
    public void Prediction_WrapsAroundTheRange()
    {
        var schema = new GameSchema("wrap", 1, [new SchemaKind("spinner")],
            [new SchemaField("spin", -100, 100, ["spinner"]), new SchemaField("angle", 0, 359, ["spinner"], Wrap: true, Prediction: FieldPrediction.Velocity, VelocityField: "spin")], []);
        var before = new SchemaWorld(schema) { Tick = 5 };
        Span<int> values = before.ValuesAt(before.Add(1, 0));
        values[0] = 100;
        values[1] = 350;
        var after = new SchemaWorld(schema);
        after.CopyFrom(before);
        after.Tick = 8;
        after.ValuesAt(0)[1] = (350 + 300) % 360;

        _buffer.Clear();
        new SchemaStateWriter(schema).WriteDelta(_buffer, before, after);
        Read(new SchemaStateReader(schema), before, "wrap");
        Assert.True(before.ContentEquals(after));
    }

    [Fact]
    public void Writer_ValueOutsideItsRange_Throws()
    {
        SchemaWorld world = TinyGame.SnapshotWorld();
        world.ValuesAt(0)[2] = 1001;
        ArgumentException error = Assert.Throws<ArgumentException>(() => new SchemaStateWriter(TinyGame.Schema).WriteSnapshot(_buffer, world));
        Assert.Contains("'score' is 1001, outside its range 0..1000", error.Message, StringComparison.Ordinal);
    }

    private static SchemaWorld TinyWorld(uint[] ids)
    {
        var world = new SchemaWorld(TinyGame.Schema) { Tick = 3 };
        foreach (uint id in ids)
        {
            Span<int> values = world.ValuesAt(world.Add(id, 1));
            values[0] = (int)id % 8;
            values[1] = (int)id * 3;
        }

        return world;
    }

    private void Read(SchemaStateReader reader, SchemaWorld client, string what)
    {
        DecodeStatus status = reader.TryRead(new ReadOnlySequence<byte>(_buffer.WrittenMemory), client, out _, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{what}: {status} {reason}");
    }
}
