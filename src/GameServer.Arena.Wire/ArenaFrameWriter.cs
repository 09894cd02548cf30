using System.Buffers;
using MessagePack;

namespace GameServer.Arena.Wire;

/// <summary>Writes protocol version 1's Arena messages (Input, Snapshot, Delta); the rest are <see cref="FrameWriter"/>'s.</summary>
public static class ArenaFrameWriter
{
    public static void WriteInput(IBufferWriter<byte> output, in InputMessage message)
    {
        // Without a view tick the input keeps its seven elements, the shape every version-1 server reads the same way.
        bool hasView = message.ViewTick != 0;
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(hasView ? 8 : 7);
        writer.Write((byte)MessageType.Input);
        writer.Write(message.Sequence);
        writer.Write(message.AckTick);
        writer.Write(message.MoveX);
        writer.Write(message.MoveY);
        writer.Write(message.Aim);
        writer.Write((byte)message.Buttons);
        if (hasView)
        {
            writer.Write(message.ViewTick);
        }

        writer.Flush();
    }

    public static void WriteSnapshot(IBufferWriter<byte> output, WorldState world)
    {
        var writer = new MessagePackWriter(output);
        DeltaCodec.WriteSnapshot(ref writer, world);
        writer.Flush();
    }

    public static void WriteDelta(IBufferWriter<byte> output, WorldState from, WorldState to)
    {
        var writer = new MessagePackWriter(output);
        DeltaCodec.WriteDelta(ref writer, from, to);
        writer.Flush();
    }
}
