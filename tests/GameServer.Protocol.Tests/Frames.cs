using System.Buffers;

namespace GameServer.Protocol.Tests;

/// <summary>Helpers to write a frame to bytes and read bytes back.</summary>
internal static class Frames
{
    public static byte[] Write(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static ClientMessage ReadClient(byte[] bytes)
    {
        DecodeStatus status = ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), out ClientMessage message, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{status}: {reason}");
        return message;
    }

    public static ServerMessage ReadServer(byte[] bytes, WorldState world)
    {
        DecodeStatus status = ServerMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), world, out ServerMessage message, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{status}: {reason}");
        return message;
    }

    public static DecodeStatus ClientStatus(byte[] bytes) =>
        ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), out _, out _);
}
