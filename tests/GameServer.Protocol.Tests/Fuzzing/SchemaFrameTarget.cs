using System.Buffers;
using GameServer.Protocol.Schema;
using GameServer.Protocol.Tests.Schema;

namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// One fuzz input through the v2 state reader, on docs/netcode-v2.md's tiny schema: onto an empty world and onto the
/// `tiny-snapshot` world (which `tiny-delta` and its mutants apply to). A malformed frame must leave the world as it
/// was; an accepted one must be in id order and survive re-encoding. The same bytes as a v2 client's Input (its values
/// must be in their fields' ranges when accepted) and through a v2 client's message reader. Public API only, like
/// <see cref="FrameTarget"/>.
/// </summary>
internal sealed class SchemaFrameTarget
{
    private readonly SchemaStateReader _reader;
    private readonly SchemaStateWriter _writer;
    private readonly SchemaWorld _emptyWorld;
    private readonly SchemaWorld _snapshotWorld;
    private readonly SchemaWorld _world;
    private readonly SchemaWorld _replayed;
    private readonly ArrayBufferWriter<byte> _encoded = new();
    private readonly int[] _inputValues = new int[GameSchema.MaxInputFields];

    public SchemaFrameTarget()
    {
        GameSchema schema = NetcodeV2Document.Schema;
        _reader = new SchemaStateReader(schema);
        _writer = new SchemaStateWriter(schema);
        _emptyWorld = new SchemaWorld(schema);
        _snapshotWorld = new SchemaWorld(schema);
        _world = new SchemaWorld(schema);
        _replayed = new SchemaWorld(schema);
        var snapshot = new ReadOnlySequence<byte>(NetcodeV2Document.Vector("tiny-snapshot"));
        if (_reader.TryRead(snapshot, _snapshotWorld, out _, out string? reason) != DecodeStatus.Ok)
        {
            throw new InvalidOperationException($"docs/netcode-v2.md's tiny-snapshot does not decode: {reason}");
        }
    }

    public void Run(ReadOnlySequence<byte> frame)
    {
        RunOn(frame, _emptyWorld);
        RunOn(frame, _snapshotWorld);
        if (frame.Length <= ProtocolConstants.MaxClientMessageBytes)
        {
            RunInput(frame);
        }

        // A fresh client each time, so a Welcome in one input never changes how the next is judged.
        DecodeStatus status = new SchemaMessageReader().TryRead(frame, out _, out string? reason);
        Check(status, reason, "v2 message");
    }

    private void RunInput(ReadOnlySequence<byte> frame)
    {
        IReadOnlyList<InputField> fields = NetcodeV2Document.Schema.Input;
        DecodeStatus status = ClientMessageReader.TryRead(frame, NetcodeV2Document.Schema.InputLayout, _inputValues, out ClientMessage message, out string? reason);
        Check(status, reason, "v2 client");
        if (status != DecodeStatus.Ok || message.Type != MessageType.Input)
        {
            return;
        }

        for (int i = 0; i < fields.Count; i++)
        {
            if (_inputValues[i] < fields[i].Min || _inputValues[i] > fields[i].Max)
            {
                throw new FuzzOracleException($"Input v2 accepted {fields[i].Name} = {_inputValues[i]}, outside {fields[i].Min}..{fields[i].Max}.");
            }
        }
    }

    private static void Check(DecodeStatus status, string? reason, string reader)
    {
        if (status is not (DecodeStatus.Ok or DecodeStatus.Malformed or DecodeStatus.UnknownType) || (status == DecodeStatus.Malformed) != (reason is not null))
        {
            throw new FuzzOracleException($"The {reader} reader returned {status} with reason '{reason}'.");
        }
    }

    private void RunOn(ReadOnlySequence<byte> frame, SchemaWorld before)
    {
        _world.CopyFrom(before);
        DecodeStatus status = _reader.TryRead(frame, _world, out MessageType type, out string? reason);
        Check(status, reason, "v2 state");

        if (status != DecodeStatus.Ok)
        {
            if (!_world.ContentEquals(before))
            {
                throw new FuzzOracleException($"A v2 frame the reader refused ({reason}) changed the world.");
            }

            return;
        }

        ReadOnlySpan<uint> ids = _world.Ids;
        for (int i = 1; i < ids.Length; i++)
        {
            if (ids[i] <= ids[i - 1])
            {
                throw new FuzzOracleException($"Entity {ids[i]} follows {ids[i - 1]}: ids out of order.");
            }
        }

        if (ids.Length > ProtocolConstants.MaxEntities)
        {
            throw new FuzzOracleException($"A v2 world holds {ids.Length} entities, above the cap.");
        }

        _encoded.Clear();
        if (type == MessageType.Snapshot)
        {
            _writer.WriteSnapshot(_encoded, _world);
            _replayed.CopyFrom(_emptyWorld);
        }
        else
        {
            _writer.WriteDelta(_encoded, before, _world);
            _replayed.CopyFrom(before);
        }

        if (_reader.TryRead(new ReadOnlySequence<byte>(_encoded.WrittenMemory), _replayed, out _, out reason) != DecodeStatus.Ok || !_replayed.ContentEquals(_world))
        {
            throw new FuzzOracleException($"A decoded v2 {type} does not survive re-encoding ({reason}).");
        }
    }
}
