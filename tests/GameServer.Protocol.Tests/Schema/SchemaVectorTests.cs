using System.Buffers;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>docs/netcode-v2.md's vectors decode to the worlds the document describes, and those encode to the vectors.</summary>
public sealed class SchemaVectorTests
{
    [Fact]
    public void TinySchema_ReadsAndWritesTheDocumentedForm()
    {
        Assert.Equal(NetcodeV2Document.Vector("tiny-schema"), TinyGame.Schema.ToBytes());
        Assert.Equal(NetcodeV2Document.Vector("tiny-schema"), NetcodeV2Document.Schema.ToBytes());
    }

    [Fact]
    public void TinySnapshot_DecodesAndEncodes()
    {
        var world = new SchemaWorld(TinyGame.Schema);
        Read("tiny-snapshot", world, MessageType.Snapshot);
        Assert.True(world.ContentEquals(TinyGame.SnapshotWorld()));
        Assert.Equal(NetcodeV2Document.Vector("tiny-snapshot"), Write(w => new SchemaStateWriter(TinyGame.Schema).WriteSnapshot(w, world)));
    }

    [Fact]
    public void TinyDelta_AppliesToTheSnapshotAndEncodes()
    {
        SchemaWorld world = TinyGame.SnapshotWorld();
        Read("tiny-delta", world, MessageType.Delta);
        Assert.True(world.ContentEquals(TinyGame.DeltaWorld()));
        Assert.Equal(NetcodeV2Document.Vector("tiny-delta"),
            Write(w => new SchemaStateWriter(TinyGame.Schema).WriteDelta(w, TinyGame.SnapshotWorld(), TinyGame.DeltaWorld())));
    }

    private static void Read(string vector, SchemaWorld world, MessageType expected)
    {
        var reader = new SchemaStateReader(TinyGame.Schema);
        DecodeStatus status = reader.TryRead(new ReadOnlySequence<byte>(NetcodeV2Document.Vector(vector)), world, out MessageType type, out string? reason);
        Assert.True(status == DecodeStatus.Ok, reason);
        Assert.Equal(expected, type);
    }

    private static byte[] Write(Action<ArrayBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
