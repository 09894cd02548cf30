using System.Buffers;
using GameServer.Protocol.Schema;
using MessagePack;

namespace GameServer.Simulation.Replays;

public sealed partial class ReplayReader
{
    private ReplayRecord Decode(ReplayRecordKind kind, ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        int count = reader.ReadArrayHeader();
        ReplayRecord record = kind switch
        {
            ReplayRecordKind.Start => Expect(count, _version > ReplayFormat.LastArenaLayoutVersion ? 8 : 7) ? ReadStart(ref reader) : default,
            ReplayRecordKind.Join => Expect(count, 3) ? new ReplayRecord(kind, reader.ReadUInt32()) { PlayerId = reader.ReadUInt32(), Name = reader.ReadString() ?? throw Corrupt("a Join without a name") } : default,
            ReplayRecordKind.Leave => Expect(count, 2) ? new ReplayRecord(kind, reader.ReadUInt32()) { PlayerId = reader.ReadUInt32() } : default,
            ReplayRecordKind.Step => ReadStep(ref reader, count),
            ReplayRecordKind.Hash => Expect(count, 2) ? new ReplayRecord(kind, reader.ReadUInt32()) { Hash = reader.ReadUInt64() } : default,
            ReplayRecordKind.End => Expect(count, 4) ? ReadEnd(ref reader) : default,
            _ => throw Corrupt("an unknown kind of record"),
        };

        if (!reader.End)
        {
            throw Corrupt($"{payload.Length - reader.Consumed} bytes left over after the fields");
        }

        return record;
    }

    private ReplayRecord ReadStart(ref MessagePackReader reader)
    {
        var start = new ReplayStart(
            reader.ReadUInt32(),
            reader.ReadUInt64(),
            reader.ReadString() ?? throw Corrupt("no game name"),
            reader.ReadBytes()?.ToArray() ?? throw Corrupt("no settings"),
            reader.ReadInt64(),
            reader.ReadInt32(),
            reader.ReadInt32(),
            _version > ReplayFormat.LastArenaLayoutVersion ? reader.ReadInt32() : ArenaLayoutInputFields);
        if (start.TickRate <= 0 || start.HashInterval <= 0)
        {
            throw Corrupt($"a tick rate of {start.TickRate} and a hash interval of {start.HashInterval}");
        }

        if (start.InputFields is < 0 or > GameSchema.MaxInputFields)
        {
            throw Corrupt($"{start.InputFields} values per input, where a game has 0 to {GameSchema.MaxInputFields}");
        }

        if (_version > ReplayFormat.LastArenaLayoutVersion)
        {
            _inputFields = start.InputFields;
            _inputStride = InputHeaderFields + start.InputFields;
        }

        return new ReplayRecord(ReplayRecordKind.Start, 0) { Start = start };
    }

    private ReplayRecord ReadStep(ref MessagePackReader reader, int count)
    {
        if (count < 1 || (count - 1) % _inputStride != 0)
        {
            throw Corrupt($"{count} numbers, not a tick and {_inputStride} per input");
        }

        uint tick = reader.ReadUInt32();
        int inputs = (count - 1) / _inputStride;
        if (inputs > _inputs.Length)
        {
            // Bounded by the payload's length, itself bounded by MaxPayloadLength.
            _inputs = new PlayerInput[inputs];
        }

        for (int i = 0; i < inputs; i++)
        {
            _inputs[i] = _version > ReplayFormat.LastArenaLayoutVersion ? ReadInput(ref reader) : ReadArenaLayoutInput(ref reader);
        }

        return new ReplayRecord(ReplayRecordKind.Step, tick) { Inputs = _inputs.AsMemory(0, inputs) };
    }

    private PlayerInput ReadInput(ref MessagePackReader reader)
    {
        uint playerId = reader.ReadUInt32();
        uint sequence = reader.ReadUInt32();
        uint ackTick = reader.ReadUInt32();
        uint viewTick = reader.ReadUInt32();
        var values = default(InputValues);
        for (int v = 0; v < _inputFields; v++)
        {
            values[v] = reader.ReadInt32();
        }

        return new PlayerInput(playerId, new GameInput(sequence, ackTick, viewTick, values));
    }

    /// <summary>A version 1 or 2 input, Arena's; its values in the schema's order (which is v1's).</summary>
    private PlayerInput ReadArenaLayoutInput(ref MessagePackReader reader)
    {
        uint playerId = reader.ReadUInt32();
        var message = new InputMessage(reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadSByte(), reader.ReadSByte(), reader.ReadUInt16(), (Buttons)reader.ReadByte(),
            _version == ReplayFormat.FirstVersion ? 0 : reader.ReadUInt32());
        return new PlayerInput(playerId, message);
    }

    private static ReplayRecord ReadEnd(ref MessagePackReader reader)
    {
        var end = new ReplayEnd(reader.ReadUInt32(), reader.ReadInt64(), (ReplayEndReason)reader.ReadInt32(), reader.ReadInt32());
        return new ReplayRecord(ReplayRecordKind.End, end.Tick) { End = end };
    }

    private static bool Expect(int count, int expected) =>
        count == expected ? true : throw Corrupt($"{count} fields where {expected} belong");

    private static MessagePackSerializationException Corrupt(string what) => new(what);
}
