using System.Buffers;
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
            ReplayRecordKind.Start => Expect(count, 7) ? ReadStart(ref reader) : default,
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

    private static ReplayRecord ReadStart(ref MessagePackReader reader)
    {
        var start = new ReplayStart(
            reader.ReadUInt32(),
            reader.ReadUInt64(),
            reader.ReadString() ?? throw Corrupt("no game name"),
            reader.ReadBytes()?.ToArray() ?? throw Corrupt("no settings"),
            reader.ReadInt64(),
            reader.ReadInt32(),
            reader.ReadInt32());
        if (start.TickRate <= 0 || start.HashInterval <= 0)
        {
            throw Corrupt($"a tick rate of {start.TickRate} and a hash interval of {start.HashInterval}");
        }

        return new ReplayRecord(ReplayRecordKind.Start, 0) { Start = start };
    }

    private ReplayRecord ReadStep(ref MessagePackReader reader, int count)
    {
        if (count < 1 || (count - 1) % _inputFields != 0)
        {
            throw Corrupt($"{count} numbers, not a tick and {_inputFields} per input");
        }

        uint tick = reader.ReadUInt32();
        int inputs = (count - 1) / _inputFields;
        if (inputs > _inputs.Length)
        {
            // Bounded by the payload's length, itself bounded by MaxPayloadLength.
            _inputs = new PlayerInput[inputs];
        }

        for (int i = 0; i < inputs; i++)
        {
            uint playerId = reader.ReadUInt32();
            var message = new InputMessage(reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadSByte(), reader.ReadSByte(), reader.ReadUInt16(), (Buttons)reader.ReadByte(), _inputFields == InputFields ? reader.ReadUInt32() : 0);
            _inputs[i] = new PlayerInput(playerId, message);
        }

        return new ReplayRecord(ReplayRecordKind.Step, tick) { Inputs = _inputs.AsMemory(0, inputs) };
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
