using System.Diagnostics.CodeAnalysis;
using MessagePack;

namespace GameServer.Simulation.Replays;

/// <summary>
/// Reads a replay file's records in order. Anything wrong (a bad header, a record cut short, a length or a value out of
/// place, records after End or none) throws one <see cref="ReplayFormatException"/> naming the record and its offset.
/// </summary>
public sealed partial class ReplayReader
{
    /// <summary>Numbers before an input's values in a version-3 Step record: playerId, seq, ackTick, viewTick.</summary>
    public const int InputHeaderFields = 4;

    /// <summary>Values per input in versions 1 and 2, whose inputs are Arena's: moveX, moveY, aim, buttons.</summary>
    public const int ArenaLayoutInputFields = 4;

    private readonly ReadOnlyMemory<byte> _file;
    private readonly byte _version;

    // Numbers per input in a Step record: from the header's version, then (version 3) from the Start record.
    private int _inputStride;
    private int _inputFields;
    private PlayerInput[] _inputs = new PlayerInput[64];
    private int _offset = ReplayFormat.HeaderLength;
    private int _index;
    private bool _ended;

    /// <exception cref="ReplayFormatException">The header is not a replay header of this version.</exception>
    public ReplayReader(ReadOnlyMemory<byte> file)
    {
        _file = file;
        ReadOnlySpan<byte> bytes = file.Span;
        if (bytes.Length < ReplayFormat.HeaderLength)
        {
            throw new ReplayFormatException($"The file is {bytes.Length} bytes long, too short for a replay header ({ReplayFormat.HeaderLength} bytes): it is truncated or not a replay.");
        }

        if (!bytes[..4].SequenceEqual(ReplayFormat.Magic))
        {
            throw new ReplayFormatException("The file does not start with \"GSRP\": it is not a replay file.");
        }

        if (bytes[4] is < ReplayFormat.FirstVersion or > ReplayFormat.Version)
        {
            throw new ReplayFormatException($"The file is replay version {bytes[4]}; this server reads versions {ReplayFormat.FirstVersion} to {ReplayFormat.Version}.");
        }

        _version = bytes[4];
        _inputFields = ArenaLayoutInputFields;
        // playerId, seq, ackTick and Arena's four values, then version 2's viewTick.
        _inputStride = _version == ReplayFormat.FirstVersion ? 7 : 8;
    }

    /// <summary>Reads the next record; false after the End record, which must be the last.</summary>
    /// <exception cref="ReplayFormatException">The file is truncated or corrupted at this record.</exception>
    public bool TryRead(out ReplayRecord record)
    {
        record = default;
        if (_ended)
        {
            if (_offset < _file.Length)
            {
                Fail(_file.Length - _offset + " bytes follow the End record, which must be the last.");
            }

            return false;
        }

        int start = _offset;
        ReadOnlySpan<byte> bytes = _file.Span;
        if (start == bytes.Length)
        {
            Fail(_index == 0 ? "the file holds no records: it is truncated." : "the file ends without an End record: it is truncated.");
        }

        var kind = (ReplayRecordKind)bytes[start];
        if (!Enum.IsDefined(kind))
        {
            Fail($"its kind is {(byte)kind}, which is no kind of record: the file is corrupted.");
        }

        int length = ReadLength(bytes, start + 1, out int lengthBytes);
        int payloadStart = start + 1 + lengthBytes;
        if (length > bytes.Length - payloadStart)
        {
            Fail($"the file ends inside the record ({length} payload bytes announced, {bytes.Length - payloadStart} left): it is truncated.");
        }

        if ((_index == 0) != (kind == ReplayRecordKind.Start))
        {
            Fail(_index == 0 ? $"the first record is {kind}, not Start." : "a second Start record.");
        }

        try
        {
            record = Decode(kind, _file.Slice(payloadStart, length));
        }
        catch (Exception exception) when (exception is MessagePackSerializationException or EndOfStreamException or OverflowException or InvalidOperationException)
        {
            Fail($"the {kind} payload is corrupted ({exception.Message}).");
        }

        _offset = payloadStart + length;
        _index++;
        _ended = kind == ReplayRecordKind.End;
        return true;
    }

    /// <summary>A file's Start and End records from its head (at least its Start record) and its last <see cref="ReplayFormat.EndRecordLength"/> bytes.</summary>
    /// <exception cref="ReplayFormatException">The head or the tail is not what a complete replay has.</exception>
    public static (ReplayStart Start, ReplayEnd End) ReadStartAndEnd(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> tail)
    {
        var reader = new ReplayReader(head);
        reader.TryRead(out ReplayRecord start);
        ReadOnlySpan<byte> bytes = tail.Span;
        if (bytes.Length != ReplayFormat.EndRecordLength || bytes[0] != (byte)ReplayRecordKind.End || bytes[1] != ReplayFormat.EndRecordLength - 2)
        {
            throw new ReplayFormatException("The file does not end with an End record: it is truncated or corrupted.");
        }

        try
        {
            return (start.Start!, reader.Decode(ReplayRecordKind.End, tail[2..]).End);
        }
        catch (MessagePackSerializationException exception)
        {
            throw new ReplayFormatException($"The End record is corrupted ({exception.Message}).");
        }
    }

    private int ReadLength(ReadOnlySpan<byte> bytes, int at, out int count)
    {
        uint value = 0;
        for (count = 0; count < 5; count++)
        {
            if (at + count >= bytes.Length)
            {
                Fail("the file ends inside the record's length: it is truncated.");
            }

            byte b = bytes[at + count];
            value |= (uint)(b & 0x7F) << (7 * count);
            if (b < 0x80)
            {
                count++;
                if (value > ReplayFormat.MaxPayloadLength)
                {
                    Fail($"the record announces {value} payload bytes, more than the {ReplayFormat.MaxPayloadLength} any record has: the file is corrupted.");
                }

                return (int)value;
            }
        }

        Fail("the record's length is not a valid varint: the file is corrupted.");
        return 0;
    }

    [DoesNotReturn]
    private void Fail(string what) =>
        throw new ReplayFormatException($"Record {_index + 1} at byte {_offset}: {what}");
}
