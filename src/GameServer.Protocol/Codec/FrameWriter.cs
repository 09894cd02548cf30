using System.Buffers;
using MessagePack;

namespace GameServer.Protocol;

/// <summary>Writes every message of protocol.md that names no game's state (version 1's state and input are Arena's: <c>ArenaFrameWriter</c>) into an <see cref="IBufferWriter{T}"/>, one frame per call, without reflection.</summary>
public static class FrameWriter
{
    public static void WriteJoin(IBufferWriter<byte> output, in JoinMessage message)
    {
        // Without a game the join keeps its four elements, the shape every server reads the same way.
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(message.Game is null ? 4 : 5);
        writer.Write((byte)MessageType.Join);
        writer.Write(message.Name);
        if (message.MatchId is uint matchId)
        {
            writer.Write(matchId);
        }
        else
        {
            writer.WriteNil();
        }

        FrameReading.WriteToken(ref writer, message.Resume);
        if (message.Game is not null)
        {
            writer.Write(message.Game);
        }

        writer.Flush();
    }

    public static void WritePing(IBufferWriter<byte> output, in PingMessage message)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(2);
        writer.Write((byte)MessageType.Ping);
        writer.Write(message.ClientTime);
        writer.Flush();
    }

    public static void WriteLeave(IBufferWriter<byte> output)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(1);
        writer.Write((byte)MessageType.Leave);
        writer.Flush();
    }

    public static void WriteWelcome(IBufferWriter<byte> output, in WelcomeMessage message)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(7);
        WriteWelcomeElements(ref writer, message);
        writer.Flush();
    }

    /// <summary>Welcome v2: v1's elements, then the match's schema, <c>[16, 2, playerId, matchId, tickRate, tick, resumeToken, schema]</c>.</summary>
    public static void WriteWelcome(IBufferWriter<byte> output, in WelcomeMessage message, Schema.GameSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(8);
        WriteWelcomeElements(ref writer, message);
        schema.Write(ref writer);
        writer.Flush();
    }

    /// <summary>Input v2: <c>[2, seq, ackTick, viewTick, value...]</c>, one value per input field of the match's schema.</summary>
    public static void WriteInput(IBufferWriter<byte> output, uint sequence, uint ackTick, uint viewTick, ReadOnlySpan<int> values)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(4 + values.Length);
        writer.Write((byte)MessageType.Input);
        writer.Write(sequence);
        writer.Write(ackTick);
        writer.Write(viewTick);
        foreach (int value in values)
        {
            writer.Write(value);
        }

        writer.Flush();
    }

    private static void WriteWelcomeElements(ref MessagePackWriter writer, in WelcomeMessage message)
    {
        writer.Write((byte)MessageType.Welcome);
        writer.Write(message.Version);
        writer.Write(message.PlayerId);
        writer.Write(message.MatchId);
        writer.Write(message.TickRate);
        writer.Write(message.Tick);
        FrameReading.WriteToken(ref writer, message.Resume);
    }

    public static void WritePong(IBufferWriter<byte> output, in PongMessage message)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(3);
        writer.Write((byte)MessageType.Pong);
        writer.Write(message.ClientTime);
        writer.Write(message.ServerTick);
        writer.Flush();
    }

    public static void WriteEvent(IBufferWriter<byte> output, in GameEvent message)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(6);
        writer.Write((byte)MessageType.Event);
        writer.Write(message.Tick);
        writer.Write((byte)message.Kind);
        writer.Write(message.Subject);
        writer.Write(message.Object);
        writer.Write(message.Value);
        writer.Flush();
    }

    public static void WriteError(IBufferWriter<byte> output, in ErrorMessage message)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(3);
        writer.Write((byte)MessageType.Error);
        writer.Write((ushort)message.Code);
        writer.Write(message.Message);
        writer.Flush();
    }
}
