using System.Buffers;
using GameServer.Protocol.Schema;
using GameServer.Protocol.Tests.Schema;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// Random schemas and world sequences at the quantization edges (32-bit ranges, int32's ends, wrap points, ids at
/// 2^32 - 1, names of 4-byte characters, deltas of 0 to 65535 ticks), written by the C# codec and applied in the page:
/// where JavaScript numbers and 32-bit operators could part from the C# arithmetic, the worlds stay equal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchemaDecoderPropertyTests
{
    private const int Schemas = 40;
    private const int Steps = 30;

    private readonly BrowserFixture _browser;

    public SchemaDecoderPropertyTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 120_000)]
    public async Task RandomSchemasAndWorlds_AppliedInThePage_EqualTheWrittenWorlds()
    {
        var random = new RandomSchemaWorlds(seed: 5);
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        for (int s = 0; s < Schemas; s++)
        {
            GameSchema schema = random.NextSchema();
            var writer = new SchemaStateWriter(schema);
            var buffer = new ArrayBufferWriter<byte>();
            SchemaWorld world = random.NextWorld(schema, random.Random.Next(0, 40));
            writer.WriteSnapshot(buffer, world);
            var frames = new List<byte[]> { buffer.WrittenSpan.ToArray() };
            var worlds = new List<SchemaWorld> { world };
            for (int step = 0; step < Steps; step++)
            {
                uint elapsed = random.Random.Next(10) switch
                {
                    0 => 0,
                    1 => (uint)random.Random.Next(2, 40),
                    2 => SchemaStateReader.MaxDeltaTicks,
                    _ => 1,
                };
                SchemaWorld next = random.Next(world, elapsed);
                buffer.ResetWrittenCount();
                writer.WriteDelta(buffer, world, next);
                frames.Add(buffer.WrittenSpan.ToArray());
                worlds.Add(next);
                world = next;
            }

            List<SchemaDecoderPage.FrameResult> results = await SchemaDecoderPage.ApplyAsync(page, schema, frames);

            for (int k = 0; k < frames.Count; k++)
            {
                Assert.True(results[k].Error is null, $"Schema {s}, frame {k}: refused ({results[k].Error}).");
                SchemaDecoderPage.AssertSameWorld(worlds[k], results[k].World, $"schema {s}, frame {k}");
            }
        }

        Assert.Empty(errors);
    }
}
