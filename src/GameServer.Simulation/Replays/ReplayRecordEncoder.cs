using System.Buffers;
using GameServer.Protocol.Schema;
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

    // From the Start, so every Step of a file has the count its Start announces.
    private int _inputFields = -1;

    /// <exception cref="ArgumentOutOfRangeException">The input count is not 0 to <see cref="GameSchema.MaxInputFields"/>.</exception>
    public ReadOnlySpan<byte> Start(ReplayStart start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start.InputFields);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start.InputFields, GameSchema.MaxInputFields);
        _inputFields = start.InputFields;
        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(8);
        writer.Write(start.MatchId);
        writer.Write(start.Seed);
        writer.Write(start.Game);
        writer.Write(start.Settings);
        writer.Write(start.StartedUnixMs);
        writer.Write(start.TickRate);
        writer.Write(start.HashInterval);
        writer.Write(start.InputFields);
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

    /// <summary>
    /// One Step: the tick it makes and its inputs, flat, in the order the simulation got them: each its header and as
    /// many values as the last <see cref="Start"/> announced.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Start was encoded before.</exception>
    public ReadOnlySpan<byte> Step(uint tick, ReadOnlySpan<PlayerInput> inputs)
    {
        if (_inputFields < 0)
        {
            throw new InvalidOperationException("A Step record needs the Start record's input count: encode the Start first.");
        }

        MessagePackWriter writer = Begin();
        writer.WriteArrayHeader(1 + (inputs.Length * (ReplayReader.InputHeaderFields + _inputFields)));
        writer.Write(tick);
        foreach (ref readonly PlayerInput input in inputs)
        {
            writer.Write(input.PlayerId);
            writer.Write(input.Input.Sequence);
            writer.Write(input.Input.AckTick);
            writer.Write(input.Input.ViewTick);
            InputValues values = input.Input.Values;
            for (int i = 0; i < _inputFields; i++)
            {
                writer.Write(values[i]);
            }
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
