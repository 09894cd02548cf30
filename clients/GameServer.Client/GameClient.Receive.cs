using System.Buffers;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Protocol.Schema;

namespace GameServer.Client;

public sealed partial class GameClient
{
    /// <summary>Reads frames into one pooled buffer (grown only for a larger frame) and applies them in order.</summary>
    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferSize);
        WebSocketCloseStatus? status = null;
        string? description = null;
        try
        {
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer);
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    status = socket.CloseStatus;
                    description = socket.CloseStatusDescription;
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary && !Dispatch(new ReadOnlySequence<byte>(buffer, 0, length), out string? reason))
                {
                    status = WebSocketCloseStatus.InvalidPayloadData;
                    description = reason;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidPayloadData, "Unreadable server frame.", cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidDataException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            FailPending();
            if (ReferenceEquals(Volatile.Read(ref _socket), socket))
            {
                Closed?.Invoke(status, description);
            }
        }
    }

    private byte[] Grow(byte[] buffer)
    {
        if (buffer.Length >= _options.MaxFrameSize)
        {
            throw new InvalidDataException($"A server frame is over {_options.MaxFrameSize} bytes.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxFrameSize));
        Buffer.BlockCopy(buffer, 0, larger, 0, buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <returns>False when the frame is malformed (or a delta's base is not the world held): the connection cannot go on.</returns>
    private bool Dispatch(ReadOnlySequence<byte> frame, out string? reason)
    {
        DecodeStatus status = _v2 is null
            ? ArenaMessageReader.TryRead(frame, World, out ServerMessage message, out reason)
            : _v2.TryRead(frame, out message, out reason);
        if (status == DecodeStatus.Ok && _v2 is not null && message.Type is MessageType.Snapshot or MessageType.Delta)
        {
            CopySchemaWorld(_v2);
        }

        switch (status)
        {
            case DecodeStatus.Malformed:
                return false;
            case DecodeStatus.UnknownType:
                // protocol.md: clients ignore server message types they do not know.
                return true;
        }

        switch (message.Type)
        {
            case MessageType.Welcome:
                Welcome = message.Welcome;
                OnJoinProgress(MessageType.Welcome, default);
                Welcomed?.Invoke(message.Welcome);
                break;
            case MessageType.Snapshot:
                OnJoinProgress(MessageType.Snapshot, default);
                SnapshotReceived?.Invoke(message.Tick);
                RaiseIfLastOfMatch();
                break;
            case MessageType.Delta:
                DeltaReceived?.Invoke(message.Tick);
                RaiseIfLastOfMatch();
                break;
            case MessageType.Pong:
                TimeSpan roundTrip = _roundTrip.Record(message.Pong.ClientTime);
                OnPong(message.Pong, roundTrip);
                PongReceived?.Invoke(message.Pong, roundTrip);
                break;
            case MessageType.Event:
                EventReceived?.Invoke(message.Event);
                break;
            case MessageType.Error:
                OnJoinProgress(MessageType.Error, message.Error);
                ErrorReceived?.Invoke(message.Error);
                if (message.Error.Code == ErrorCode.MatchFailed)
                {
                    MatchClosed?.Invoke(message.Error);
                }

                break;
        }

        return true;
    }

    /// <summary>Version 2: the app's view of the schema world, with the own acknowledgement on the own entity, as version 1 carries it.</summary>
    private void CopySchemaWorld(SchemaMessageReader v2)
    {
        if (_options.SchemaToWorld is not { } copy)
        {
            // Without the app's mapping only the lifecycle is known, which the end-of-match rule below reads.
            World.Clear();
            World.Tick = v2.World!.Tick;
            World.Phase = v2.World.Phase;
            World.PhaseTicksLeft = v2.World.PhaseTicksLeft;
            return;
        }

        copy(v2.World!, World);
        if (Welcome.PlayerId != 0 && World.IndexOf(Welcome.PlayerId) >= 0)
        {
            World.Get(Welcome.PlayerId).LastInputSequence = v2.Ack;
        }
    }

    /// <summary>protocol.md, Session 6: the last message of a match is the one that leaves the Ended phase no ticks.</summary>
    private void RaiseIfLastOfMatch()
    {
        if (World.Phase == MatchPhase.Ended && World.PhaseTicksLeft == 0)
        {
            MatchClosed?.Invoke(null);
        }
    }
}
