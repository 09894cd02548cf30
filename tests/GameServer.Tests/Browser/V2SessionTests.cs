using System.Buffers;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Protocol.Tests;
using GameServer.Protocol.Tests.Schema;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// clients/web/js/v2-session.js, what play.js will call once the game speaks v2: Welcome starts a world of its schema,
/// state frames keep it and the ack, other messages pass through, a malformed frame throws and changes nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class V2SessionTests
{
    // After each frame: the message's type or the error, the session's ack and world; then an input for that world,
    // and the indices of ids 4 (spawned by the delta) and 2 (removed by it).
    private const string ReceiveScript = """
        async (frames) => {
          const { V2Session } = await import('/js/v2-session.js');
          const session = new V2Session();
          const steps = frames.map((frame) => {
            let outcome;
            try {
              outcome = `type ${session.receive(Uint8Array.from(atob(frame), (c) => c.charCodeAt(0))).type}`;
            } catch (e) {
              outcome = `error ${e.message}`;
            }
            const w = session.world;
            return [outcome, session.ack, w === null ? null : [w.tick, w.phase, w.phaseTicksLeft,
              w.ids.map((id, i) => [id, w.kinds[i], w.names[i], w.values.slice(i * w.stride, (i + 1) * w.stride)])]];
          });
          return { steps, input: [...session.encodeInput(3, 11, [-1, 1])], found: [session.world.indexOf(4), session.world.indexOf(2)] };
        }
        """;

    private readonly BrowserFixture _browser;

    public V2SessionTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task Receive_WelcomeStateAndOtherFrames_KeepsTheWorldAndTheAck()
    {
        GameSchema schema = NetcodeV2Document.Schema;
        byte[] snapshot = SchemaDecoderPage.WithAck(NetcodeV2Document.Vector("tiny-snapshot"), 7);
        byte[] delta = SchemaDecoderPage.WithAck(NetcodeV2Document.Vector("tiny-delta"), uint.MaxValue);
        byte[] staleDelta = SchemaDecoderPage.Frame((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(6);
            w.Write((byte)MessageType.Delta);
            w.Write(9u);
            w.Write(12u);
            w.Write((byte)MatchPhase.Running);
            w.Write(0u);
            w.Write(new byte[] { 0x00, 0x00 });
        });
        byte[][] frames = [SchemaDecoderPage.WelcomeV2(schema, playerId: 1, matchId: 4, tick: 9, token: null), snapshot, ProtocolDocument.Vector("pong"), staleDelta, delta];
        var reader = new SchemaStateReader(schema);
        var snapshotWorld = new SchemaWorld(schema);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(snapshot), snapshotWorld, out _, out _));
        var deltaWorld = new SchemaWorld(schema);
        deltaWorld.CopyFrom(snapshotWorld);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(delta), deltaWorld, out _, out _));
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        JsonElement result = await page.EvaluateAsync<JsonElement>(ReceiveScript, frames.Select(Convert.ToBase64String).ToArray());

        JsonElement steps = result.GetProperty("steps");
        Assert.Equal(["type 16", "type 17", "type 19", "error A delta's base tick is not the tick of the world it is applied to.", "type 18"],
            steps.EnumerateArray().Select(s => s[0].GetString()));
        Assert.Equal([0u, 7, 7, 7, uint.MaxValue], steps.EnumerateArray().Select(s => s[1].GetUInt32()));
        SchemaDecoderPage.AssertSameWorld(new SchemaWorld(schema), steps[0][2], "after Welcome");
        SchemaDecoderPage.AssertSameWorld(snapshotWorld, steps[2][2], "after Pong");
        SchemaDecoderPage.AssertSameWorld(snapshotWorld, steps[3][2], "after the stale delta");
        SchemaDecoderPage.AssertSameWorld(deltaWorld, steps[4][2], "after the delta");

        Assert.Equal([deltaWorld.IndexOf(4), -1], result.GetProperty("found").EnumerateArray().Select(v => v.GetInt32()));

        // [2, seq 3, ackTick 12 (the world's), viewTick 11, move -1, jump 1].
        Assert.Equal([0x96, 2, 3, 12, 11, 0xff, 1], result.GetProperty("input").EnumerateArray().Select(b => b.GetInt32()));
        Assert.Empty(errors);
    }
}
