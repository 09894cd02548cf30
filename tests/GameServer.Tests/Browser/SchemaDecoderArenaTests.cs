using System.Buffers;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// A real Arena match of 64 players driven like the swarm's <c>play</c>, encoded each tick by the server's v2 codec and
/// applied in order by the browser's decoder: after every frame the page's world is the C# world, field for field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchemaDecoderArenaTests
{
    private const int Players = 64;
    private const int Ticks = 300;

    private readonly BrowserFixture _browser;

    public SchemaDecoderArenaTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 120_000)]
    public async Task PlayedMatchOf64_EveryFrameAppliedInThePage_HoldsTheServersWorld()
    {
        var rules = new ArenaRules { TimeLimitTicks = 0, ScoreLimit = 0 };
        GameSchema schema = ArenaSchema.For(rules);
        (List<byte[]> frames, List<SchemaWorld> expected, List<uint> acks) = Play(rules, schema);
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        (List<SchemaDecoderPage.FrameResult> results, JsonElement view) = await SchemaDecoderPage.RunAsync(page, schema, frames);

        Assert.Equal(frames.Count, results.Count);
        for (int k = 0; k < frames.Count; k++)
        {
            Assert.True(results[k].Error is null, $"Frame {k} (tick {expected[k].Tick}) was refused: {results[k].Error}");
            Assert.Equal(acks[k], results[k].Ack);
            SchemaDecoderPage.AssertSameWorld(expected[k], results[k].World, $"tick {expected[k].Tick}");
        }

        AssertRenderersView(expected[^1], view);

        // The frames are worth something only if the match ran, and entities came and went.
        Assert.Contains(expected, w => w.Phase == MatchPhase.Running);
        Assert.True(expected.Select(w => w.Count).Distinct().Count() > 5, "Projectiles and pickups should come and go.");
        Assert.Empty(errors);
    }

    /// <summary>A renderer's view: each entity's kind by name and its kind's fields by name, divided by their scale.</summary>
    private static void AssertRenderersView(SchemaWorld world, JsonElement view)
    {
        GameSchema schema = world.Schema;
        Assert.Equal(world.Count, view.GetArrayLength());
        for (int i = 0; i < world.Count; i++)
        {
            JsonElement e = view[i];
            int kind = world.KindAt(i);
            var fields = new Dictionary<string, double>();
            for (int f = 0; f < schema.Fields.Count; f++)
            {
                if (schema.KindHasField(kind, f))
                {
                    fields[schema.Fields[f].Name] = world.ValuesAt(i)[f] / schema.Fields[f].Scale;
                }
            }

            Assert.Equal(world.Ids[i], e.GetProperty("id").GetUInt32());
            Assert.Equal(schema.Kinds[kind].Name, e.GetProperty("kindName").GetString());
            Assert.Equal(world.NameAt(i), e.GetProperty("name").GetString());
            // Playwright marks each object it returns with a "$id" of its own.
            Assert.Equal(fields, e.GetProperty("fields").EnumerateObject().Where(p => p.Name != "$id").ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        }

        // Arena's positions are in 1/16 units and its aim in 65536ths of a turn: the view gives units and radians.
        JsonElement player = view[0].GetProperty("fields");
        Assert.Equal(world.ValuesAt(0)[ArenaSchema.X] / 16.0, player.GetProperty("x").GetDouble());
        Assert.Equal(world.ValuesAt(0)[ArenaSchema.Aim] * 2 * Math.PI / 65536, player.GetProperty("aim").GetDouble(), 12);
    }

    /// <summary>
    /// Steps the match and writes what a v2 player receives: a snapshot first and every 100 ticks (a resync), else a delta
    /// from the last frame sent; ticks ending in 5 send nothing, so the next delta spans 2 ticks. Each frame ends with
    /// the player's ack as the contract has it: the array one longer, a uint32 appended (here large, above 2^31).
    /// </summary>
    private static (List<byte[]> Frames, List<SchemaWorld> Worlds, List<uint> Acks) Play(ArenaRules rules, GameSchema schema)
    {
        var match = new Match(1, 11, rules);
        var ids = new List<uint>();
        for (int p = 0; p < Players; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new PlayBots(ids, seed: 11);
        var writer = new SchemaStateWriter(schema);
        var sent = new SchemaWorld(schema);
        var buffer = new ArrayBufferWriter<byte>();
        var frames = new List<byte[]>();
        var worlds = new List<SchemaWorld>();
        var acks = new List<uint>();
        for (int t = 1; t <= Ticks; t++)
        {
            match.Step(bots.InputsFor(match.World.Tick + 1));
            var current = new SchemaWorld(schema);
            ArenaStateAdapter.ToSchema(match.World, current);
            if (t % 10 == 5)
            {
                continue;
            }

            buffer.ResetWrittenCount();
            if (t % 100 == 1)
            {
                writer.WriteSnapshot(buffer, current);
            }
            else
            {
                writer.WriteDelta(buffer, sent, current);
            }

            uint ack = uint.MaxValue - (uint)t;
            frames.Add(SchemaDecoderPage.WithAck(buffer.WrittenSpan, ack));
            worlds.Add(current);
            acks.Add(ack);
            sent.CopyFrom(current);
        }

        return (frames, worlds, acks);
    }
}
