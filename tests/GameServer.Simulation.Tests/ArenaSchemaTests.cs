using GameServer.Arena.Wire;
using GameServer.Protocol.Schema;

namespace GameServer.Simulation.Tests;

public sealed class ArenaSchemaTests
{
    [Fact]
    public void For_FieldConstants_AreTheSchemasIndices()
    {
        GameSchema schema = ArenaSchema.For(new ArenaRules());
        (string Name, int Index)[] expected =
        [
            ("vx", ArenaSchema.Vx), ("vy", ArenaSchema.Vy), ("x", ArenaSchema.X), ("y", ArenaSchema.Y), ("aim", ArenaSchema.Aim),
            ("health", ArenaSchema.Health), ("score", ArenaSchema.Score), ("flags", ArenaSchema.Flags), ("kills", ArenaSchema.Kills),
            ("owner", ArenaSchema.Owner), ("pickup", ArenaSchema.Pickup),
        ];
        Assert.Equal(expected.Length, schema.Fields.Count);
        foreach ((string name, int index) in expected)
        {
            Assert.Equal(index, schema.FieldIndex(name));
        }

        // Kinds are v1's EntityKind minus one; the last input sequence is a per-player acknowledgement, not entity state.
        Assert.Equal(["player", "projectile", "pickup"], schema.Kinds.Select(k => k.Name));
        Assert.Equal((int)EntityKind.Player - 1, schema.KindIndex("player"));
        Assert.Equal(-1, schema.FieldIndex("lastInputSequence"));
        Assert.Equal(["moveX", "moveY", "aim", "buttons"], schema.Input.Select(f => f.Name));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(ArenaRules.MaxTickRate)]
    public void For_SpeedsOfTheTickRate_FitTheVelocityRange(int tickRate)
    {
        var rules = ArenaRules.ForTickRate(tickRate);
        GameSchema schema = ArenaSchema.For(rules);
        SchemaField vx = schema.Fields[ArenaSchema.Vx];
        Assert.True(vx.Max >= rules.MaxSpeed && vx.Max >= rules.ProjectileSpeed && vx.Min == -vx.Max);
        Assert.Equal(rules.MaxHealth, schema.Fields[ArenaSchema.Health].Max);
        Assert.Equal(schema.ToBytes(), GameSchema.FromBytes(schema.ToBytes()).ToBytes());
    }

    [Fact]
    public void Adapter_EveryKind_RoundTripsThroughTheSchemaWorld()
    {
        var world = new WorldState { Tick = 5, Phase = MatchPhase.Running, PhaseTicksLeft = 77 };
        world.Append(new EntityState { Id = 1, Kind = EntityKind.Player, Name = "Ada", X = 16000, Y = 9600, Vx = -160, Vy = 160, Aim = 65535, Health = 100, Score = 15, Flags = EntityFlags.Alive | EntityFlags.SpawnProtected, Aux = 2 });
        world.Append(new EntityState { Id = 2, Kind = EntityKind.Projectile, X = 31999, Y = 0, Vx = 480, Vy = -480, Aim = 12345, Aux = 1 });
        world.Append(new EntityState { Id = 3, Kind = EntityKind.Pickup, X = 0, Y = 19199, Aux = (uint)PickupKind.ScoreOrb });
        var schemaWorld = new SchemaWorld(ArenaSchema.For(new ArenaRules()));
        var back = new WorldState();

        ArenaStateAdapter.ToSchema(world, schemaWorld);
        ArenaStateAdapter.ToArena(schemaWorld, back);

        Assert.True(back.ContentEquals(world));
        Assert.Equal(2, schemaWorld.ValuesAt(0)[ArenaSchema.Kills]);
        Assert.Equal(1, schemaWorld.ValuesAt(1)[ArenaSchema.Owner]);
        Assert.Equal((int)PickupKind.ScoreOrb, schemaWorld.ValuesAt(2)[ArenaSchema.Pickup]);
    }
}
