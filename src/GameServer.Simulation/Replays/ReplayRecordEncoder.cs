using System.Buffers;
using MessagePack;

namespace GameServer.Simulation.Replays;

/// <summary>
/// Encodes replay records (docs/replays.md) into buffers it reuses: each method returns the framed record, valid until
/// the next call. Allocates nothing once its buffers have grown to the largest record.
/// </summary>
public sealed class ReplayRecordEncoder
{
    private readonly ArrayBufferWriter<byte> _payload = new(1024);
    private readonly ArrayBufferWriter<byte> _record = new(1024);

    public ReadOnlySpan<byte> Start(ReplayStart start)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(7);
        writer.Write(start.MatchId);
        writer.Write(start.Seed);
        writer.Write(start.Game);
        writer.Write(start.Settings);
        writer.Write(start.StartedUnixMs);
        writer.Write(start.TickRate);
        writer.Write(start.HashInterval);
        writer.Flush();
        return Frame(ReplayRecordKind.Start);
    }

    public ReadOnlySpan<byte> Join(uint tick, uint playerId, string name)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(3);
        writer.Write(tick);
        writer.Write(playerId);
        writer.Write(name);
        writer.Flush();
        return Frame(ReplayRecordKind.Join);
    }

    public ReadOnlySpan<byte> Leave(uint tick, uint playerId)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(2);
        writer.Write(tick);
        writer.Write(playerId);
        writer.Flush();
        return Frame(ReplayRecordKind.Leave);
    }

    /// <summary>One Step: the tick it makes and its inputs, eight numbers each, flat, in the order the simulation got them.</summary>
    public ReadOnlySpan<byte> Step(uint tick, ReadOnlySpan<PlayerInput> inputs)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(1 + (inputs.Length * ReplayReader.InputFields));
        writer.Write(tick);
        foreach (ref readonly PlayerInput input in inputs)
        {
            InputMessage message = ArenaSchema.ToInput(input.Input);
            writer.Write(input.PlayerId);
            writer.Write(message.Sequence);
            writer.Write(message.AckTick);
            writer.Write(message.MoveX);
            writer.Write(message.MoveY);
            writer.Write(message.Aim);
            writer.Write((byte)message.Buttons);
            writer.Write(message.ViewTick);
        }

        writer.Flush();
        return Frame(ReplayRecordKind.Step);
    }

    public ReadOnlySpan<byte> Hash(uint tick, ulong hash)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(2);
        writer.Write(tick);
        writer.Write(hash);
        writer.Flush();
        return Frame(ReplayRecordKind.Hash);
    }

    /// <summary>The End record, its numbers at full width: always <see cref="ReplayFormat.EndRecordLength"/> bytes.</summary>
    public ReadOnlySpan<byte> End(ReplayEnd end)
    {
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(4);
        writer.WriteUInt32(end.Tick);
        writer.WriteInt64(end.EndedUnixMs);
        writer.WriteInt32((int)end.Reason);
        writer.WriteInt32(end.Players);
        writer.Flush();
        return Frame(ReplayRecordKind.End);
    }

    private MessagePackWriter Begin()
    {
        _payload.ResetWrittenCount();
        return new MessagePackWriter(_payload);
    }

    private ReadOnlySpan<byte> Frame(ReplayRecordKind kind)
    {
        ReadOnlySpan<byte> payload = _payload.WrittenSpan;
        _record.ResetWrittenCount();
        Span<byte> span = _record.GetSpan(1 + 5 + payload.Length);
        span[0] = (byte)kind;
        int length = 1;
        for (uint value = (uint)payload.Length; ; value >>= 7)
        {
            if (value < 0x80)
            {
                span[length++] = (byte)value;
                break;
            }

            span[length++] = (byte)(value | 0x80);
        }

        payload.CopyTo(span[length..]);
        _record.Advance(length + payload.Length);
        return _record.WrittenSpan;
    }
}
