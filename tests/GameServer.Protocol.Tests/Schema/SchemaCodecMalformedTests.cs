using System.Buffers;
using GameServer.Protocol.Schema;
using MessagePack;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>Untrusted v2 frames: each way to break one is reported malformed, never thrown, and leaves the world as it was.</summary>
public sealed class SchemaCodecMalformedTests
{
    private readonly SchemaStateReader _reader = new(TinyGame.Schema);
    private readonly SchemaWorld _world = TinyGame.SnapshotWorld();

    public static TheoryData<string, byte[]> BrokenDeltas => new()
    {
        // The tiny schema's snapshot world holds 3 entities: player 1 (x 8 bits, score 10 bits), balls 2 and 3 (vx 4 bits, x 8 bits).
        { "index past the base", Delta(b => { b.WriteVar(1); b.WriteVar(3); b.WriteVar(0); b.WriteVar(0); }) },
        { "changed index past the base", Delta(b => { b.WriteVar(0); b.WriteVar(1); b.WriteVar(3); b.Write(0, 2); b.WriteVar(0); }) },
        { "changed and removed", Delta(b => { b.WriteVar(1); b.WriteVar(0); b.WriteVar(1); b.WriteVar(0); b.Write(0, 2); b.WriteVar(0); }) },
        { "value out of range", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(9); b.Write(0, 1); b.WriteVar(0); b.Write(0, 8); b.Write(1001, 10); }) },
        { "spawn of a held id", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(2); b.Write(1, 1); b.Write(0, 12); }) },
        { "spawned id above 2^32 - 1", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(2); b.WriteVar(uint.MaxValue); b.Write(1 << 12, 13); b.WriteVar(0); b.Write(1 << 12, 13); }) },
        { "too many entities", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(ProtocolConstants.MaxEntities + 1); }) },
        { "world over the cap", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(ProtocolConstants.MaxEntities); for (int i = 0; i < ProtocolConstants.MaxEntities; i++) { b.WriteVar(i == 0 ? 9u : 0u); b.Write(1 << 12, 13); } }) },
        { "name over 64 bytes", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(9); b.Write(0, 1); b.WriteVar(65); for (int i = 0; i < 65; i++) b.Write('a', 8); b.Write(0, 18); }) },
        { "name not UTF-8", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(9); b.Write(0, 1); b.WriteVar(1); b.Write(0xff, 8); b.Write(0, 18); }) },
        { "truncated bits", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(9); b.Write(1, 1); }) },
        { "a byte after the bits", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(0); b.Write(0, 8); }) },
        { "padding not zero", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(0); b.Write(1, 1); }) },
        { "base tick not the world's", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(0); }, baseTick: 9) },
        { "tick before the base", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(0); }, tick: 9) },
        { "over 65535 ticks", Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(0); }, tick: 10 + 65_536) },
        { "state not a bin", Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(6); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); w.WriteArrayHeader(0); }) },
        { "state over 1 MiB", Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(6); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); w.Write(new byte[SchemaStateReader.MaxStateBytes + 1]); }) },
        { "too few elements", Frame((ref MessagePackWriter w) => { w.WriteArrayHeader(5); w.Write(18); w.Write(10); w.Write(12); w.Write(2); w.Write(0); }) },
    };

    [Theory]
    [MemberData(nameof(BrokenDeltas))]
    public void TryRead_BrokenDelta_IsMalformedAndLeavesTheWorld(string scenario, byte[] frame)
    {
        DecodeStatus status = _reader.TryRead(new ReadOnlySequence<byte>(frame), _world, out _, out string? reason);
        Assert.True(status == DecodeStatus.Malformed, $"{scenario}: {status}");
        Assert.True(reason is not null && !reason.Contains("end early", StringComparison.Ordinal) == !scenario.StartsWith("truncated", StringComparison.Ordinal), $"{scenario}: {reason}");
        Assert.True(_world.ContentEquals(TinyGame.SnapshotWorld()), $"{scenario}: the world changed");
    }

    [Fact]
    public void TryRead_ValidHandWrittenDelta_IsOk()
    {
        // The control for the cases above: the same shapes, well-formed, are accepted.
        byte[] frame = Delta(b => { b.WriteVar(0); b.WriteVar(0); b.WriteVar(1); b.WriteVar(9); b.Write(1, 1); b.Write(0, 12); });
        Assert.Equal(DecodeStatus.Ok, _reader.TryRead(new ReadOnlySequence<byte>(frame), _world, out _, out _));
        Assert.Equal(4, _world.Count);
    }

    [Theory]
    [InlineData("tiny-snapshot")]
    [InlineData("tiny-delta")]
    public void TryRead_EveryTruncation_IsMalformedAndLeavesTheWorld(string vector)
    {
        byte[] bytes = NetcodeV2Document.Vector(vector);
        for (int length = 0; length < bytes.Length; length++)
        {
            DecodeStatus status = _reader.TryRead(new ReadOnlySequence<byte>(bytes, 0, length), _world, out _, out _);
            Assert.True(status == DecodeStatus.Malformed, $"{vector}[..{length}]: {status}");
            Assert.True(_world.ContentEquals(TinyGame.SnapshotWorld()), $"{vector}[..{length}]: the world changed");
        }
    }

    [Fact]
    public void TryRead_OtherMessageType_IsUnknownType()
    {
        byte[] pong = ProtocolDocument.Vector("pong");
        Assert.Equal(DecodeStatus.UnknownType, _reader.TryRead(new ReadOnlySequence<byte>(pong), _world, out MessageType type, out _));
        Assert.Equal(MessageType.Pong, type);
    }

    private static byte[] Delta(Action<BitWriter> bits, uint baseTick = 10, uint tick = 12)
    {
        var writer = new BitWriter();
        bits(writer);
        writer.Flush();
        byte[] state = writer.Written.ToArray();
        return Frame((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(6);
            w.Write((byte)MessageType.Delta);
            w.Write(baseTick);
            w.Write(tick);
            w.Write((byte)MatchPhase.Running);
            w.Write(0);
            w.Write(state);
        });
    }

    private static byte[] Frame(WriteFrame write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private delegate void WriteFrame(ref MessagePackWriter writer);
}
