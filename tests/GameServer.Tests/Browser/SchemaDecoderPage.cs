using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// Drives the browser's v2 decoder (clients/web/js/schema-state.js and codec-v2.js) in a page the server serves: frames
/// go in as base64, and after each one the page's world (or the error it refused the frame with) comes back, to be
/// compared with the C# <see cref="SchemaWorld"/> field by field.
/// </summary>
internal static class SchemaDecoderPage
{
    // One reader and world for the whole list; after each frame: its error or null, its ack, and the world as
    // [tick, phase, phaseTicksLeft, [[id, kind, name, [value per schema field]]...]]; at the end, the renderers' view
    // of the last world, in world units.
    private const string ApplyScript = """
        async ({ schema, frames }) => {
          const { GameSchema } = await import('/js/schema.js');
          const { SchemaWorld } = await import('/js/schema-world.js');
          const { SchemaStateReader } = await import('/js/schema-state.js');
          const { decodeServerMessageV2 } = await import('/js/codec-v2.js');
          const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const game = GameSchema.fromBytes(bytes(schema));
          const world = new SchemaWorld(game);
          const reader = new SchemaStateReader(game);
          const dump = () => [world.tick, world.phase, world.phaseTicksLeft,
            world.ids.map((id, i) => [id, world.kinds[i], world.names[i], world.values.slice(i * world.stride, (i + 1) * world.stride)])];
          const results = frames.map((frame) => {
            try {
              const message = decodeServerMessageV2(bytes(frame));
              reader.apply(message, world);
              return { error: null, ack: message.ack, world: dump() };
            } catch (e) {
              return { error: `${e.message}`, ack: null, world: dump() };
            }
          });
          return { results, view: [...world.entities(true)] };
        }
        """;

    /// <summary>A page of the game's server, whose modules a script can import.</summary>
    public static async Task<(IPage Page, List<string> Errors)> OpenAsync(BrowserFixture browser, TestServer server)
    {
        (IPage page, List<string> errors) = await browser.NewPageAsync();
        await page.GotoAsync(server.HttpBase.ToString());
        return (page, errors);
    }

    /// <summary>Applies <paramref name="frames"/> in order to one world of <paramref name="schema"/> in the page.</summary>
    public static async Task<List<FrameResult>> ApplyAsync(IPage page, GameSchema schema, IEnumerable<byte[]> frames) =>
        (await RunAsync(page, schema, frames)).Frames;

    /// <summary>As <see cref="ApplyAsync"/>, with the view a renderer gets of the last world (entityAt in world units).</summary>
    public static async Task<(List<FrameResult> Frames, JsonElement View)> RunAsync(IPage page, GameSchema schema, IEnumerable<byte[]> frames)
    {
        JsonElement run = await page.EvaluateAsync<JsonElement>(ApplyScript, new
        {
            schema = Convert.ToBase64String(schema.ToBytes()),
            frames = frames.Select(Convert.ToBase64String).ToArray(),
        });
        return ([.. run.GetProperty("results").EnumerateArray().Select(r => new FrameResult(
            r.GetProperty("error").GetString(),
            r.GetProperty("ack").ValueKind == JsonValueKind.Null ? null : r.GetProperty("ack").GetUInt32(),
            r.GetProperty("world")))], run.GetProperty("view"));
    }

    /// <summary>Asserts that the page's world holds exactly <paramref name="expected"/>: lifecycle, ids, kinds, names, every field.</summary>
    public static void AssertSameWorld(SchemaWorld expected, JsonElement actual, string context)
    {
        Assert.True(expected.Tick == actual[0].GetUInt32(), $"{context}: tick {actual[0]}, expected {expected.Tick}.");
        Assert.True((int)expected.Phase == actual[1].GetInt32(), $"{context}: phase {actual[1]}, expected {expected.Phase}.");
        Assert.True(expected.PhaseTicksLeft == actual[2].GetUInt32(), $"{context}: phaseTicksLeft {actual[2]}, expected {expected.PhaseTicksLeft}.");
        JsonElement entities = actual[3];
        Assert.True(expected.Count == entities.GetArrayLength(), $"{context}: {entities.GetArrayLength()} entities, expected {expected.Count}.");
        for (int i = 0; i < expected.Count; i++)
        {
            JsonElement e = entities[i];
            int[] values = [.. e[3].EnumerateArray().Select(v => v.GetInt32())];
            bool same = e[0].GetUInt32() == expected.Ids[i] && e[1].GetInt32() == expected.KindAt(i)
                && e[2].GetString() == expected.NameAt(i) && values.AsSpan().SequenceEqual(expected.ValuesAt(i));
            Assert.True(same, $"{context}: entity {i} is {e}, expected [{expected.Ids[i]}, {expected.KindAt(i)}, \"{expected.NameAt(i)}\", [{string.Join(",", expected.ValuesAt(i).ToArray())}]].");
        }
    }

    /// <summary>A MessagePack frame written by hand: what a writer cannot be made to produce.</summary>
    public static byte[] Frame(WriteFrame write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Welcome v2 at 30 ticks a second: <c>[16, 2, playerId, matchId, tickRate, tick, resumeToken, schema]</c>.</summary>
    public static byte[] WelcomeV2(GameSchema schema, uint playerId, uint matchId, uint tick, byte[]? token) =>
        Frame((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(8);
            w.Write((byte)MessageType.Welcome);
            w.Write(2);
            w.Write(playerId);
            w.Write(matchId);
            w.Write(30u);
            w.Write(tick);
            w.Write(token);
            schema.Write(ref w);
        });

    /// <summary>The shared frame (a fixarray of 5 or 6) with one more element: the ack, always 0xce and 4 bytes.</summary>
    public static byte[] WithAck(ReadOnlySpan<byte> shared, uint ack)
    {
        var frame = new byte[shared.Length + 5];
        shared.CopyTo(frame);
        frame[0]++;
        frame[shared.Length] = 0xce;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(shared.Length + 1), ack);
        return frame;
    }

    public delegate void WriteFrame(ref MessagePackWriter writer);

    /// <summary>What the page made of one frame.</summary>
    public sealed record FrameResult(string? Error, uint? Ack, JsonElement World);
}
