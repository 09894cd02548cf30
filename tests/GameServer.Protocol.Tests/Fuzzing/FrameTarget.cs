using System.Buffers;
using GameServer.Arena.Wire;
using GameServer.Protocol.WebSockets;
using MessagePack;

namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// One fuzz input through the WebSocket frame reader and both message readers. afl-fuzz runs it in perf/GameServer.Fuzz and CI runs it over the committed
/// corpus, so both judge an input alike: anything it throws is a finding. Only public API is used, because the harness
/// sees GameServer.Protocol and GameServer.Arena.Wire without InternalsVisibleTo.
/// </summary>
internal sealed class FrameTarget
{
    private readonly WorldState _emptyWorld = new();
    private readonly WorldState _snapshotWorld = new();
    private readonly WorldState _world = new();
    private readonly WorldState _replayed = new();
    private readonly ArrayBufferWriter<byte> _encoded = new();
    private readonly SchemaFrameTarget _schemaTarget = new();
    private readonly int[] _inputValues = new int[InputMessage.Layout.Fields.Count];

    /// <param name="baseSnapshot">A valid snapshot frame: deltas are also applied onto the world it decodes to.</param>
    public FrameTarget(byte[] baseSnapshot)
    {
        var frame = new ReadOnlySequence<byte>(baseSnapshot);
        if (ArenaMessageReader.TryRead(frame, _snapshotWorld, out _, out string? reason) != DecodeStatus.Ok)
        {
            throw new ArgumentException($"The base snapshot does not decode: {reason}", nameof(baseSnapshot));
        }
    }

    /// <summary>A target whose delta base is protocol.md's `snapshot` vector, which its `delta` vector applies to.</summary>
    public static FrameTarget FromProtocolDocument() => new(ProtocolDocument.Vector("snapshot"));

    public void Run(ReadOnlySequence<byte> frame)
    {
        RunWebSocketFrames(frame);

        // The server never hands the client reader a frame above the cap (it closes with 1009 first).
        if (frame.Length <= ProtocolConstants.MaxClientMessageBytes)
        {
            DecodeStatus status = ClientMessageReader.TryRead(frame, InputMessage.Layout, _inputValues, out _, out string? reason);
            CheckStatus(status, reason, "client");
        }

        // A fresh client (tick 0) sees snapshots, welcomes and events; a tick-0 world is also a delta base.
        RunServer(frame, _emptyWorld);

        // A client that holds the snapshot vector's world: the deltas mutated from the delta vector apply here.
        RunServer(frame, _snapshotWorld);

        // The same bytes as a v2 state frame (docs/netcode-v2.md).
        _schemaTarget.Run(frame);
    }

    // The same bytes as what a client wrote on the socket: the server's RFC 6455 reader walks them frame by frame, as
    // the lean transport does on each read, and must only ever stop at a clean verdict.
    private void RunWebSocketFrames(ReadOnlySequence<byte> bytes)
    {
        byte[] data = bytes.ToArray();
        int offset = 0;
        while (offset < data.Length)
        {
            Span<byte> rest = data.AsSpan(offset);
            FrameHeaderStatus status = WebSocketFraming.TryReadClientHeader(rest, ProtocolConstants.MaxClientMessageBytes, out ClientFrameHeader header, out string? error);
            if (status != FrameHeaderStatus.Complete)
            {
                if (status != FrameHeaderStatus.Incomplete && string.IsNullOrEmpty(error))
                {
                    throw new InvalidOperationException($"The WebSocket reader said {status} without a reason.");
                }

                return;
            }

            bool wellFormed = header.HeaderLength is 6 or 8 or 14 && header.PayloadLength <= ProtocolConstants.MaxClientMessageBytes
                && (!header.IsControl || (header.Final && header.PayloadLength <= WebSocketFraming.MaxControlPayload));
            if (!wellFormed)
            {
                throw new InvalidOperationException($"The WebSocket reader accepted an impossible header: {header}.");
            }

            if (rest.Length < header.FrameLength)
            {
                return;
            }

            WebSocketFraming.Unmask(rest.Slice(header.HeaderLength, header.PayloadLength), header.Mask);
            offset += header.FrameLength;
        }
    }

    private void RunServer(ReadOnlySequence<byte> frame, WorldState before)
    {
        _world.CopyFrom(before);
        DecodeStatus status = ArenaMessageReader.TryRead(frame, _world, out ServerMessage message, out string? reason);
        CheckStatus(status, reason, "server");
        if (status != DecodeStatus.Ok)
        {
            return;
        }

        CheckIdOrder(_world);
        if (message.Type == MessageType.Snapshot)
        {
            _encoded.Clear();
            var writer = new MessagePackWriter(_encoded);
            DeltaCodec.WriteSnapshot(ref writer, _world);
            writer.Flush();
            CheckReplay(_emptyWorld, "snapshot");
        }
        else if (message.Type == MessageType.Delta)
        {
            _encoded.Clear();
            var writer = new MessagePackWriter(_encoded);
            DeltaCodec.WriteDelta(ref writer, before, _world);
            writer.Flush();
            CheckReplay(before, "delta");
        }
    }

    // What a reader accepted must encode back to the same world: a decode that invents state the writer cannot
    // express is a divergence between clients and the server.
    private void CheckReplay(WorldState before, string kind)
    {
        _replayed.CopyFrom(before);
        DecodeStatus status = ArenaMessageReader.TryRead(new ReadOnlySequence<byte>(_encoded.WrittenMemory), _replayed, out _, out string? reason);
        if (status != DecodeStatus.Ok || !_replayed.ContentEquals(_world))
        {
            throw new FuzzOracleException($"A decoded {kind} does not survive re-encoding ({status}: {reason}).");
        }
    }

    private static void CheckStatus(DecodeStatus status, string? reason, string reader)
    {
        if (status is not (DecodeStatus.Ok or DecodeStatus.Malformed or DecodeStatus.UnknownType))
        {
            throw new FuzzOracleException($"The {reader} reader returned an undefined status {(int)status}.");
        }

        if ((status == DecodeStatus.Malformed) != (reason is not null))
        {
            throw new FuzzOracleException($"The {reader} reader returned {status} with reason '{reason}'.");
        }
    }

    private static void CheckIdOrder(WorldState world)
    {
        ReadOnlySpan<EntityState> entities = world.Entities;
        if (entities.Length > ProtocolConstants.MaxEntities)
        {
            throw new FuzzOracleException($"A world holds {entities.Length} entities, above the cap.");
        }

        for (int i = 1; i < entities.Length; i++)
        {
            if (entities[i].Id <= entities[i - 1].Id)
            {
                throw new FuzzOracleException($"Entity {entities[i].Id} follows {entities[i - 1].Id}: ids out of order.");
            }
        }
    }
}
