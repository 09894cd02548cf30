using System.Text.Json;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Simulation;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>The browser's v2 messages (clients/web/js/codec-v2.js, schema.js): Welcome with its schema, Input v2, the schema form's rules.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CodecV2Tests
{
    // Welcome v2 decoded to its schema as [game, version, kinds, fields, input] in the MessagePack form's order (velocity
    // -1 for none); Input v2 encoded with that schema; and what encodeInputV2 says to values it must not send.
    private const string WelcomeAndInputScript = """
        async (welcome) => {
          const { decodeServerMessageV2, encodeInputV2 } = await import('/js/codec-v2.js');
          const m = decodeServerMessageV2(Uint8Array.from(atob(welcome), (c) => c.charCodeAt(0)));
          const s = m.schema;
          const refusal = (values) => { try { encodeInputV2(s, 1, 1, 0, values); return null; } catch (e) { return e.message; } };
          return {
            welcome: [m.version, m.playerId, m.matchId, m.tickRate, m.tick, [...m.resumeToken]],
            schema: [s.game, s.version, s.kinds.map((k) => [k.name, k.hasName]),
              s.fields.map((f) => [f.name, f.min, f.max, f.scale, f.wrap, f.prediction, f.velocity, f.kinds]),
              s.input.map((f) => [f.name, f.min, f.max, f.wrap])],
            input: [...encodeInputV2(s, 0xfffffff0, 4000000000, 12, [127, -127, 65536 + 5, 1])],
            refusals: [refusal([128, 0, 0, 0]), refusal([0, 0, 0]), refusal([0, 0.5, 0, 0])],
            lookups: [s.kindIndex('pickup'), s.fieldIndex('aim'), s.fieldIndex('nope'), s.kindHasField(2, 4) ? 1 : 0],
          };
        }
        """;

    // A valid schema array, then each of GameSchema's rules broken once: the page must accept the first and refuse the rest.
    private const string SchemaRulesScript = """
        async () => {
          const { GameSchema } = await import('/js/schema.js');
          const field = (over) => Object.assign(['x', 0, 7, 1, false, 0, null, [0]], over);
          const schema = (over) => Object.assign(['g', 1, [['p', true], ['q', false]], [['v', -1, 1, 2, false, 0, null, [0, 1]], field({})], [['i', 0, 1, false]]], over);
          const variants = [
            schema({}), schema({ 1: 0 }), schema({ 0: 'n'.repeat(65) }), schema({ 2: [] }), schema({ 2: [['p', true], ['p', false]] }),
            schema({ 3: [field({ 1: 8 })] }), schema({ 3: [field({ 3: 0 })] }), schema({ 3: [field({ 5: 2, 6: 0 })] }),
            schema({ 3: [field({ 6: 0 })] }), schema({ 3: [field({ 5: 3 })] }), schema({ 3: [field({ 7: [] })] }),
            schema({ 3: [field({ 7: [2] })] }), schema({ 3: [field({}), field({})] }), schema({ 4: [['i', 2, 1, false]] }),
            schema({ 2: [['p', 1]] }), schema({ 3: [field({ 1: 0x80000000 })] }), ['g', 1, [['p', true]], []],
          ];
          return variants.map((v) => { try { GameSchema.fromArray(v); return null; } catch (e) { return e.message; } });
        }
        """;

    // Arena's input fields in another order: values given by name land each in its field's place; a missing one throws.
    private const string InputByNameScript = """
        async () => {
          const { encodeInputV2, inputValues } = await import('/js/codec-v2.js');
          const { GameSchema } = await import('/js/schema.js');
          const s = GameSchema.fromArray(['arena', 1, [['player', true]], [],
            [['buttons', 0, 1, false], ['aim', 0, 65535, true], ['moveY', -127, 127, false], ['moveX', -127, 127, false]]]);
          const input = { moveX: 127, moveY: -90, aim: 16384, buttons: 1 };
          let missing;
          try { inputValues(s, { moveX: 0, moveY: 0, aim: 0 }); } catch (e) { missing = e.message; }
          return { bytes: [...encodeInputV2(s, 42, 1000, 996, inputValues(s, input))], missing };
        }
        """;

    private readonly BrowserFixture _browser;

    public CodecV2Tests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task InputValues_ReorderedSchema_PutsEachNamedValueInItsField()
    {
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(server.HttpBase.ToString());

        JsonElement result = await page.EvaluateAsync<JsonElement>(InputByNameScript);

        byte[] bytes = [.. result.GetProperty("bytes").Deserialize<int[]>()!.Select(b => (byte)b)];
        var message = MessagePackSerializer.Deserialize<object[]>(bytes, MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData));
        Assert.Equal([2L, 42L, 1000L, 996L, 1L, 16384L, -90L, 127L], message.Select(Convert.ToInt64));
        Assert.Equal("The schema's input field 'buttons' has no value.", result.GetProperty("missing").GetString());
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task WelcomeV2_DecodesTheArenaSchema_AndInputV2_EncodesOneValuePerInputField()
    {
        GameSchema schema = ArenaSchema.For(new ArenaRules());
        byte[] token = [.. Enumerable.Range(1, ProtocolConstants.ResumeTokenBytes).Select(i => (byte)i)];
        byte[] welcome = SchemaDecoderPage.WelcomeV2(schema, playerId: 5, matchId: 9, tick: 3_000_000_000, token);
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        JsonElement result = await page.EvaluateAsync<JsonElement>(WelcomeAndInputScript, Convert.ToBase64String(welcome));

        Assert.Equal($"[2,5,9,30,3000000000,[{string.Join(",", token)}]]", result.GetProperty("welcome").GetRawText());
        JsonElement decoded = result.GetProperty("schema");
        Assert.Equal(schema.Game, decoded[0].GetString());
        Assert.Equal(schema.Version, decoded[1].GetUInt32());
        Assert.Equal(schema.Kinds.Select(k => $"{k.Name}:{k.HasName}"), decoded[2].EnumerateArray().Select(k => $"{k[0].GetString()}:{k[1].GetBoolean()}"));
        Assert.Equal(
            schema.Fields.Select(f => $"{f.Name} {f.Min} {f.Max} {f.Scale:R} {f.Wrap} {(int)f.Prediction} {(f.VelocityField is null ? -1 : schema.FieldIndex(f.VelocityField))} {string.Join(",", f.Kinds.Select(schema.KindIndex))}"),
            decoded[3].EnumerateArray().Select(f => $"{f[0].GetString()} {f[1].GetInt32()} {f[2].GetInt32()} {f[3].GetDouble():R} {f[4].GetBoolean()} {f[5].GetInt32()} {f[6].GetInt32()} {string.Join(",", f[7].EnumerateArray().Select(k => k.GetInt32()))}"));
        Assert.Equal(schema.Input.Select(f => $"{f.Name} {f.Min} {f.Max} {f.Wrap}"), decoded[4].EnumerateArray().Select(f => $"{f[0].GetString()} {f[1].GetInt32()} {f[2].GetInt32()} {f[3].GetBoolean()}"));

        // The aim wraps into its range; the other values go as they are.
        byte[] input = [.. result.GetProperty("input").EnumerateArray().Select(b => b.GetByte())];
        var reader = new MessagePackReader(input);
        Assert.Equal(8, reader.ReadArrayHeader());
        var elements = new long[8];
        for (int i = 0; i < elements.Length; i++)
        {
            elements[i] = reader.ReadInt64();
        }

        Assert.Equal([2L, 0xfffffff0, 4_000_000_000, 12, 127, -127, 5, 1], elements);
        Assert.True(reader.End);
        string?[] refusals = result.GetProperty("refusals").Deserialize<string?[]>()!;
        Assert.Contains("outside -127..127", refusals[0]);
        Assert.Contains("4 fields", refusals[1]);
        Assert.Contains("not an integer", refusals[2]);
        Assert.Equal([schema.KindIndex("pickup"), schema.FieldIndex("aim"), -1, 0], result.GetProperty("lookups").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task SchemaForm_EachRuleBroken_IsRefusedInThePage()
    {
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        string?[] refusals = await page.EvaluateAsync<string?[]>(SchemaRulesScript);

        // The valid one; then version 0, a long name, no kinds, twin kinds, min above max, scale 0, velocity not declared
        // before, velocity without its prediction, unknown prediction, no kinds, unknown kind, twin fields, input min
        // above max, hasName not a bool, min outside int32, and too few elements.
        Assert.Null(refusals[0]);
        Assert.Equal(16, refusals.Skip(1).Count(r => r is not null));
        Assert.Empty(errors);
    }
}
