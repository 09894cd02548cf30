using System.Buffers;
using GameServer.Arena.Wire;

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

    /// <summary>Reads a client frame as the server reads a version-1 player's in an Arena match.</summary>
    public static ClientMessage ReadClient(byte[] bytes) => ReadClient(bytes, new int[InputMessage.Layout.Fields.Count]);

    /// <summary>Reads a version-1 Input back into the message a client writes.</summary>
    public static InputMessage ReadInput(byte[] bytes)
    {
        int[] values = new int[InputMessage.Layout.Fields.Count];
        InputHeader header = ReadClient(bytes, values).Input;
        return new InputMessage(header.Sequence, header.AckTick, (sbyte)values[0], (sbyte)values[1], (ushort)values[2], (Buttons)values[3], header.ViewTick);
    }

    private static ClientMessage ReadClient(byte[] bytes, int[] values)
    {
        DecodeStatus status = ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), InputMessage.Layout, values, out ClientMessage message, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{status}: {reason}");
        return message;
    }

    public static ServerMessage ReadServer(byte[] bytes, WorldState world)
    {
        DecodeStatus status = ArenaMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), world, out ServerMessage message, out string? reason);
        Assert.True(status == DecodeStatus.Ok, $"{status}: {reason}");
        return message;
    }

    public static DecodeStatus ClientStatus(byte[] bytes) =>
        ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), InputMessage.Layout, new int[InputMessage.Layout.Fields.Count], out _, out _);
}
