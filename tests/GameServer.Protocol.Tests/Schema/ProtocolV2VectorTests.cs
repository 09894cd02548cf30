using System.Buffers;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>protocol.md's version-2 vectors decode to the meaning it gives, and that meaning encodes to the vectors.</summary>
public sealed class ProtocolV2VectorTests
{
    [Fact]
    public void WelcomeV2_DecodesToTheWelcomeAndSchema_AndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("welcome-v2");
        var reader = new SchemaMessageReader();

        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(vector), out ServerMessage message, out _));

        var expected = new WelcomeMessage(ProtocolConstants.Version2, 3, 7, 30, 1000, SampleWorlds.Token);
        Assert.Equal(expected, message.Welcome);
        Assert.Equal(TinyGame.Schema.ToBytes(), reader.Schema!.ToBytes());
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteWelcome(w, expected, TinyGame.Schema)));
    }

    [Fact]
    public void DeltaV2_AppliesWithItsAck_AndEncodesWithTheAckAsUInt32()
    {
        byte[] vector = ProtocolDocument.Vector("delta-v2");
        SchemaWorld world = TinyGame.SnapshotWorld();
        var reader = new SchemaStateReader(TinyGame.Schema);

        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(vector), world, out MessageType type, out _));

        Assert.Equal(MessageType.Delta, type);
        Assert.Equal(42u, reader.Ack);
        Assert.True(world.ContentEquals(TinyGame.DeltaWorld()));
        Assert.Equal(vector, Frames.Write(w => new SchemaStateWriter(TinyGame.Schema).WriteDelta(w, TinyGame.SnapshotWorld(), TinyGame.DeltaWorld(), 42)));
    }

    [Fact]
    public void DeltaV2_WithEveryAck_HasTheLengthOfTheSharedBytesPlusFive()
    {
        var writer = new SchemaStateWriter(TinyGame.Schema);
        byte[] shared = Frames.Write(w => writer.WriteDelta(w, TinyGame.SnapshotWorld(), TinyGame.DeltaWorld()));
        foreach (uint ack in new uint[] { 0, 1, 127, 65_536, uint.MaxValue })
        {
            byte[] own = Frames.Write(w => writer.WriteDelta(w, TinyGame.SnapshotWorld(), TinyGame.DeltaWorld(), ack));
            Assert.Equal(shared.Length + SchemaStateWriter.AckBytes, own.Length);
            Assert.Equal(shared[1..], own[1..^SchemaStateWriter.AckBytes]);
        }
    }

    [Fact]
    public void SnapshotV2_WithAnAck_ReadsItBack()
    {
        var writer = new SchemaStateWriter(TinyGame.Schema);
        byte[] frame = Frames.Write(w => writer.WriteSnapshot(w, TinyGame.SnapshotWorld(), 7));
        var world = new SchemaWorld(TinyGame.Schema);
        var reader = new SchemaStateReader(TinyGame.Schema);

        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(frame), world, out _, out _));

        Assert.Equal(7u, reader.Ack);
        Assert.True(world.ContentEquals(TinyGame.SnapshotWorld()));
    }

    [Fact]
    public void InputV2_DecodesByTheSchemasInputFields_AndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("input-v2");
        int[] values = new int[2];

        Assert.Equal(DecodeStatus.Ok, ClientMessageReader.TryRead(new ReadOnlySequence<byte>(vector), TinyGame.Schema.InputLayout, values, out ClientMessage message, out _));

        Assert.Equal(MessageType.Input, message.Type);
        Assert.Equal((42u, 1000u, 996u), (message.Input.Sequence, message.Input.AckTick, message.Input.ViewTick));
        Assert.Equal([-1, 1], values);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteInput(w, 42, 1000, 996, values)));
    }

    [Theory]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 ff", "a missing value")]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 02 01", "move above its max")]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 fe 01", "move below its min")]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 ff c3", "a boolean")]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 ff cb 3f f0 00 00 00 00 00 00", "a float")]
    [InlineData("96 02 2a cd 03 e8 cd 03 e4 ff cf ff ff ff ff ff ff ff ff", "a uint64 beyond int64")]
    public void InputV2_Invalid_IsMalformed(string hex, string why)
    {
        byte[] frame = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
        DecodeStatus status = ClientMessageReader.TryRead(new ReadOnlySequence<byte>(frame), TinyGame.Schema.InputLayout, new int[2], out _, out _);
        Assert.True(status == DecodeStatus.Malformed, why);
    }

    [Fact]
    public void InputV2_WithExtraElements_SkipsThem()
    {
        byte[] frame = Convert.FromHexString("9702" + "2acd03e8cd03e4ff01" + "a178");
        frame[0] = 0x97;
        int[] values = new int[2];

        Assert.Equal(DecodeStatus.Ok, ClientMessageReader.TryRead(new ReadOnlySequence<byte>(frame), TinyGame.Schema.InputLayout, values, out _, out _));
        Assert.Equal([-1, 1], values);
    }
}
