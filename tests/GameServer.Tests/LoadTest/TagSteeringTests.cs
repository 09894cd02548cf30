using GameServer.LoadTest;
using GameServer.LoadTest.Tag;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;
using GameServer.Simulation.Tag;

namespace GameServer.Tests.LoadTest;

/// <summary>The swarm's Tag play, without sockets: what it steers from a state, and that a match of such bots has tags.</summary>
public sealed class TagSteeringTests
{
    private static readonly GameSchema s_schema = TagSchema.For(new TagRules());
    private static readonly TagFields s_fields = Fields();

    [Fact]
    public void Steer_Runner_FleesStraightAwayFromIt()
    {
        SchemaWorld world = World((1, 500, 300, It: true, Immune: false), (2, 400, 300, It: false, Immune: false));

        Assert.Equal((-127, 0), TagSteering.Steer(world, s_fields, 2));
    }

    [Fact]
    public void Steer_It_ChasesTheNearestPlayerWhoIsNotImmune()
    {
        SchemaWorld world = World(
            (1, 500, 300, It: true, Immune: false),
            (2, 510, 300, It: false, Immune: true),
            (3, 500, 200, It: false, Immune: false),
            (4, 500, 600, It: false, Immune: false));

        Assert.Equal((0, -127), TagSteering.Steer(world, s_fields, 1));
    }

    [Fact]
    public void Steer_EveryoneImmune_ItChasesTheNearest()
    {
        SchemaWorld world = World((1, 500, 300, It: true, Immune: false), (2, 600, 400, It: false, Immune: true), (3, 100, 300, It: false, Immune: true));

        Assert.Equal((127, 127), TagSteering.Steer(world, s_fields, 1));
    }

    [Fact]
    public void Steer_NobodyIsIt_StandsStill()
    {
        SchemaWorld world = World((1, 500, 300, It: false, Immune: false), (2, 400, 300, It: false, Immune: false));

        Assert.Equal((0, 0), TagSteering.Steer(world, s_fields, 1));
    }

    [Fact]
    public void TryFind_ArenasSchema_IsNotTag()
    {
        Assert.False(TagFields.TryFind(ArenaSchema.For(new ArenaRules()), out _));
    }

    [Fact]
    public void Steer_AMatchOfFourBots_TagsWithinTenSecondsOfTheStart()
    {
        TagRules rules = TagRules.ForTickRate(30);
        var match = new TagMatch(1, seed: 7, rules);
        uint[] ids = [match.AddPlayer("a"), match.AddPlayer("b"), match.AddPlayer("c"), match.AddPlayer("d")];
        var world = new SchemaWorld(match.Schema);
        var inputs = new PlayerInput[ids.Length];
        int tags = 0;
        uint sequence = 0;
        for (int tick = 0; tick < rules.CountdownTicks + 10 * rules.TickRate && tags == 0; tick++)
        {
            match.WriteState(world);
            sequence++;
            for (int p = 0; p < ids.Length; p++)
            {
                (int moveX, int moveY) = TagSteering.Steer(world, s_fields, ids[p]);
                var values = default(InputValues);
                values[0] = moveX;
                values[1] = moveY;
                inputs[p] = new PlayerInput(ids[p], new GameInput(sequence, 0, 0, values));
            }

            match.Step(inputs);
            foreach (GameEvent e in match.Events)
            {
                tags += e.Kind == GameEventKind.Kill ? 1 : 0;
            }

            match.ClearEvents();
        }

        Assert.True(tags > 0, "No tag in the match's first ten running seconds.");
    }

    [Fact]
    public void Parse_GameTagOnProtocol1_IsRefusedSayingWhy()
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--protocol", "v1", "--game", "tag"]));

        Assert.Contains("protocol v2 only", refused.Message, StringComparison.Ordinal);
        Assert.Equal("tag", SwarmOptionsParser.Parse(["--game", "tag"]).Game);
    }

    private static TagFields Fields()
    {
        Assert.True(TagFields.TryFind(s_schema, out TagFields fields));
        return fields;
    }

    /// <summary>Players at world-unit positions, in id order.</summary>
    private static SchemaWorld World(params (uint Id, int X, int Y, bool It, bool Immune)[] players)
    {
        var world = new SchemaWorld(s_schema);
        foreach ((uint id, int x, int y, bool it, bool immune) in players)
        {
            Span<int> values = world.ValuesAt(world.Add(id, TagSchema.PlayerKind, "p" + id));
            values[TagSchema.X] = x * Quantization.PositionScale;
            values[TagSchema.Y] = y * Quantization.PositionScale;
            values[TagSchema.It] = it ? 1 : 0;
            values[TagSchema.Immune] = immune ? 1 : 0;
        }

        return world;
    }
}
