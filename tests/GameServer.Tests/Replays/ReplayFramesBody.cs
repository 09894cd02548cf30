using System.Buffers;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using MessagePack;

namespace GameServer.Tests.Replays;

/// <summary>
/// A <c>GET /replays/{id}/frames</c> body read as a client reads it (protocol.md, "Replays (HTTP)"): the header
/// <c>[schema, tickRate]</c>, then each v2 frame applied in order by the .NET <see cref="SchemaStateReader"/>.
/// </summary>
internal sealed record ReplayFramesBody(GameSchema Schema, int TickRate, IReadOnlyList<(MessageType Type, uint Tick)> Frames, SchemaWorld Last)
{
    public static ReplayFramesBody Read(byte[] body)
    {
        var sequence = new ReadOnlySequence<byte>(body);
        var reader = new MessagePackReader(sequence);
        Assert.Equal(2, reader.ReadArrayHeader());
        GameSchema schema = GameSchema.Read(ref reader);
        int tickRate = reader.ReadInt32();

        var world = new SchemaWorld(schema);
        var state = new SchemaStateReader(schema);
        var frames = new List<(MessageType, uint)>();
        while (!reader.End)
        {
            SequencePosition start = reader.Position;
            reader.Skip();
            DecodeStatus status = state.TryRead(sequence.Slice(start, reader.Position), world, out MessageType type, out string? reason);
            Assert.True(status == DecodeStatus.Ok, $"Frame {frames.Count + 1}: {status} {reason}");
            Assert.Null(state.Ack);
            frames.Add((type, world.Tick));
        }

        return new ReplayFramesBody(schema, tickRate, frames, world);
    }
}
