using System.Buffers;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Protocol.Tests.Schema;
using MessagePack;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// The browser's v2 decoder against the server's C# codec on docs/netcode-v2.md's vectors and on frames broken in the
/// ways SchemaCodecMalformedTests lists: the page builds the worlds SchemaStateReader builds, and refuses what it refuses.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchemaDecoderTests
{
    private readonly BrowserFixture _browser;

    public SchemaDecoderTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    /// <summary>
    /// Deltas from the tiny snapshot world (player 1: x 8 bits, score 10; balls 2 and 3: vx 4 bits, x 8), their bins written
    /// bit by bit as the document does: removed list, changed list, spawned list, each a var count (0 is [0 0000]) first.
    /// Each with the reason the page must give: refused for that, not for something else broken on the way.
    /// </summary>
    private static readonly (string Scenario, string Reason, byte[] Frame)[] s_brokenFrames =
    [
        ("index past the base", "past the end of its base", Delta("0 0001  0 0011 | 0 0000 | 0 0000")),
        ("changed and removed", "changes an entity it removes", Delta("0 0001  0 0000 | 0 0001  0 0000  00 | 0 0000")),
        ("value out of range", "outside its field's range", Delta("0 0000 | 0 0000 | 0 0001  0 1001  0  0 0000  00000000  1111101001")),
        ("spawn of a held id", "base still holds", Delta("0 0000 | 0 0000 | 0 0001  0 0010  1  0000 00000000")),
        ("spawned id above 2^32 - 1", "above 2^32 - 1", Delta("0 0000 | 0 0000 | 0 0010  111 " + new string('1', 32) + "  1 0000 00000000  0 0000  1 0000 00000000")),
        ("name not UTF-8", "not UTF-8", Delta("0 0000 | 0 0000 | 0 0001  0 1001  0  0 0001  11111111  00000000 0000000000")),
        ("truncated bits", "end early", Delta("0 0000 | 0 0000 | 0 0001  0 1001  1")),
        ("a byte after the bits", "Bits follow", Delta("0 0000 | 0 0000 | 0 0000  00000000")),
        ("padding not zero", "Bits follow", Delta("0 0000 | 0 0000 | 0 0000  1")),
        ("base tick not the world's", "base tick", Delta("0 0000 | 0 0000 | 0 0000", baseTick: 9)),
        ("tick before the base", "0 to 65535 ticks", Delta("0 0000 | 0 0000 | 0 0000", tick: 9)),
        ("over 65535 ticks", "0 to 65535 ticks", Delta("0 0000 | 0 0000 | 0 0000", tick: 10 + 65_536)),
        ("state not a bin", "must be a bin", SchemaDecoderPage.Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(6); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); w.WriteArrayHeader(0); })),
        ("too few elements", "6 elements", SchemaDecoderPage.Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(5); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); })),
        ("name over 64 bytes", "over 64 bytes", Delta("0 0000 | 0 0000 | 0 0001  0 1001  0  10 01000001 " + string.Concat(Enumerable.Repeat("01100001", 65)) + " 00000000 0000000000")),
        ("too many entities", "at most 8192", Delta("0 0000 | 0 0000 | 110 0010000000000001")),
        ("world over the cap", "at most 8192", Delta("0 0000 | 0 0000 | 110 0010000000000000  0 1001 1 0000 00000000" + string.Concat(Enumerable.Repeat(" 0 0000 1 0000 00000000", 8191)))),
        ("state over 1 MiB", "over 1 MiB", SchemaDecoderPage.Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(6); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); w.Write(new byte[(1 << 20) + 1]); })),
        ("unknown phase", "phase", SchemaDecoderPage.Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(6); w.Write(18); w.Write(10); w.Write(12); w.Write(4); w.Write(0); w.Write(Bin("0 0000 0 0000 0 0000")); })),

        // Every prefix of the vectors: refused, whatever the first thing found missing.
        .. Truncations("tiny-snapshot"),
        .. Truncations("tiny-delta"),
    ];

    [Fact(Timeout = 60_000)]
    public async Task DocumentVectors_DecodeInThePage_ToTheWorldsOfTheCSharpReader()
    {
        byte[][] frames = [NetcodeV2Document.Vector("tiny-snapshot"), NetcodeV2Document.Vector("tiny-delta")];
        GameSchema schema = NetcodeV2Document.Schema;
        var expected = new SchemaWorld(schema);
        var reader = new SchemaStateReader(schema);
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        List<SchemaDecoderPage.FrameResult> results = await SchemaDecoderPage.ApplyAsync(page, schema, frames);

        for (int k = 0; k < frames.Length; k++)
        {
            Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(frames[k]), expected, out _, out _));
            Assert.Null(results[k].Error);
            Assert.Null(results[k].Ack);
            SchemaDecoderPage.AssertSameWorld(expected, results[k].World, $"vector {k}");
        }

        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task BrokenFrames_AreRefusedInThePage_AndLeaveItsWorld()
    {
        GameSchema schema = NetcodeV2Document.Schema;
        var snapshotWorld = new SchemaWorld(schema);
        var reader = new SchemaStateReader(schema);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(NetcodeV2Document.Vector("tiny-snapshot")), snapshotWorld, out _, out _));
        foreach ((string scenario, _, byte[] frame) in s_brokenFrames)
        {
            // The C# reader refuses each too: the cases are malformed by the reference, not by the page alone.
            var world = new SchemaWorld(schema);
            world.CopyFrom(snapshotWorld);
            Assert.True(reader.TryRead(new ReadOnlySequence<byte>(frame), world, out _, out _) == DecodeStatus.Malformed, scenario);
        }

        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await SchemaDecoderPage.OpenAsync(_browser, server);

        // The snapshot, every broken delta, then the valid delta: a refused frame leaves a world the next one applies to.
        List<SchemaDecoderPage.FrameResult> results = await SchemaDecoderPage.ApplyAsync(page, schema,
            [NetcodeV2Document.Vector("tiny-snapshot"), .. s_brokenFrames.Select(s => s.Frame), NetcodeV2Document.Vector("tiny-delta")]);

        Assert.Null(results[0].Error);
        for (int k = 0; k < s_brokenFrames.Length; k++)
        {
            (string scenario, string reason, _) = s_brokenFrames[k];
            SchemaDecoderPage.FrameResult result = results[k + 1];
            Assert.True(result.Error?.Contains(reason, StringComparison.Ordinal) == true, $"{scenario}: the page said '{result.Error}', not '{reason}'.");
            SchemaDecoderPage.AssertSameWorld(snapshotWorld, result.World, scenario);
        }

        Assert.Null(results[^1].Error);
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(NetcodeV2Document.Vector("tiny-delta")), snapshotWorld, out _, out _));
        SchemaDecoderPage.AssertSameWorld(snapshotWorld, results[^1].World, "the valid delta after the broken ones");
        Assert.Empty(errors);
    }


    private static IEnumerable<(string, string, byte[])> Truncations(string vector)
    {
        byte[] bytes = NetcodeV2Document.Vector(vector);
        return Enumerable.Range(0, bytes.Length).Select(length => ($"{vector}[..{length}]", "", bytes[..length]));
    }

    private static byte[] Delta(string bits, uint baseTick = 10, uint tick = 12) =>
        SchemaDecoderPage.Frame((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(6);
            w.Write((byte)MessageType.Delta);
            w.Write(baseTick);
            w.Write(tick);
            w.Write((byte)MatchPhase.Running);
            w.Write(0);
            w.Write(Bin(bits));
        });

    /// <summary>A state bin from its bits as docs/netcode-v2.md writes them ('0' and '1'; spaces and '|' for reading), zero-padded.</summary>
    private static byte[] Bin(string bits)
    {
        string digits = new([.. bits.Where(c => c is '0' or '1')]);
        var bytes = new byte[(digits.Length + 7) / 8];
        for (int i = 0; i < digits.Length; i++)
        {
            if (digits[i] == '1')
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return bytes;
    }
}
