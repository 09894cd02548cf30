using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;
using GameServer.Diagnostics;
using GameServer.Protocol;
using GameServer.Protocol.WebSockets;
using GameServer.Transport.Epoll;
using GameServer.Transport.Uring;

namespace GameServer.Transport;

public sealed partial class GameSocket
{
    // Inputs and pings are frames of 10 to 30 bytes: a connection reads into a small buffer, and borrows a large one,
    // which a whole frame of the largest message (1024 bytes and a 14-byte header) always fits, only while a frame
    // too long for the small one is arriving (a join with a long name, a fragmented message). 2 KiB per player held
    // for its whole life was the largest object a player owned (perf/RESULTS.md, "Memory per player").
    private const int SmallReceiveBytes = 256;
    private const int LargeReceiveBytes = 2048;

    private byte[] _receiveBuffer = ArrayPool<byte>.Shared.Rent(SmallReceiveBytes);
    private int _received;
    private long _lastReceived;

    // A message split over several frames, gathered here (rare: browsers and our clients send one frame a message).
    private byte[]? _fragments;
    private int _fragmentsLength;

    // After the server's close frame, what still arrives is read and dropped until the peer's close.
    private bool _discarding;

    /// <summary>
    /// One read, as the loop saw the socket readable (or in error, or hung up: the read tells which): at once, or in
    /// the batch of the loop's pass, which goes on in <see cref="IBatchedSocket.OnBatchReceived"/>.
    /// </summary>
    private void Receive()
    {
        if (_received == _receiveBuffer.Length)
        {
            // Only after the peer's close frame, once frames are no longer read: a peer that goes on sending is dropped.
            StopReceiving();
            return;
        }

        if (SocketBatch<GameSocket>.Open is { } batch && batch.TryAddReceive(this, _handle, _receiveBuffer.Length - _received))
        {
            return;
        }

        int read = SocketCalls.Receive(_handle, _receiveBuffer.AsSpan(_received), out SocketError error);
        Received(read, error);
    }

    /// <summary>The loop's batch read for this socket: <paramref name="result"/> bytes, now in <paramref name="bytes"/>, or -errno.</summary>
    void IBatchedSocket.OnBatchReceived(int result, ReadOnlySpan<byte> bytes)
    {
        const int WouldBlock = -11;
        const int BadDescriptor = -9;
        if (result > 0)
        {
            bytes[..result].CopyTo(_receiveBuffer.AsSpan(_received));
        }

        // A handle the batch could not hold (closed meanwhile) was read as fd -1: aborted, as the direct read says.
        SocketError error = result >= 0 ? SocketError.Success
            : result == WouldBlock ? SocketError.WouldBlock
            : result == BadDescriptor ? SocketError.OperationAborted
            : SocketError.SocketError;
        Received(Math.Max(result, 0), error);
    }

    private void Received(int read, SocketError error)
    {
        if (error == SocketError.OperationAborted)
        {
            return;
        }

        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success || read == 0)
        {
            StopReceiving();
            return;
        }

        _received += read;
        Volatile.Write(ref _lastReceived, _services.Time.GetTimestamp());
        if (_failed)
        {
            // Framing was lost: nothing more can be read as frames until the close goes out and the socket ends.
            _received = 0;
            return;
        }

        try
        {
            ReadFrames();
        }
        catch (Exception ex)
        {
            // A bug of ours must not take the loop's thread down, nor leave the peer guessing: 1011.
            _connection.OnServerError(ex);
        }
    }

    private void StopReceiving()
    {
        End();
        byte[] buffer = Interlocked.Exchange(ref _receiveBuffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        ReturnFragments();
    }

    /// <summary>Decodes every whole frame in the buffer, then keeps the incomplete rest at its start.</summary>
    private void ReadFrames()
    {
        int offset = 0;
        while (offset < _received && !_peerClosed && !_failed)
        {
            Span<byte> data = _receiveBuffer.AsSpan(offset, _received - offset);
            FrameHeaderStatus status = WebSocketFraming.TryReadClientHeader(data, ProtocolConstants.MaxClientMessageBytes, out ClientFrameHeader header, out string? error);
            if (status == FrameHeaderStatus.Incomplete || (status == FrameHeaderStatus.Complete && data.Length < header.FrameLength))
            {
                break;
            }

            if (status != FrameHeaderStatus.Complete)
            {
                Fail(status == FrameHeaderStatus.TooBig, error!);
                return;
            }

            Span<byte> payload = data.Slice(header.HeaderLength, header.PayloadLength);
            WebSocketFraming.Unmask(payload, header.Mask);
            int start = offset + header.HeaderLength;
            offset += header.FrameLength;
            if (!ReadFrame(header, payload, start))
            {
                return;
            }
        }

        _received -= offset;
        if (_received > 0 && offset > 0)
        {
            _receiveBuffer.AsSpan(offset, _received).CopyTo(_receiveBuffer);
        }

        ResizeReceiveBuffer();
    }

    /// <summary>Borrows the large buffer when the small one is full of a frame not yet whole; gives it back once what is left fits the small one.</summary>
    private void ResizeReceiveBuffer()
    {
        int size = _receiveBuffer.Length == _received && _received < LargeReceiveBytes ? LargeReceiveBytes
            : _receiveBuffer.Length > SmallReceiveBytes && _received <= SmallReceiveBytes ? SmallReceiveBytes
            : 0;
        if (size == 0 || _failed || _peerClosed)
        {
            return;
        }

        byte[] resized = ArrayPool<byte>.Shared.Rent(size);
        _receiveBuffer.AsSpan(0, _received).CopyTo(resized);
        ArrayPool<byte>.Shared.Return(_receiveBuffer);
        _receiveBuffer = resized;
    }

    /// <summary>Acts on one unmasked frame; false when the connection is closing and reading should stop.</summary>
    private bool ReadFrame(in ClientFrameHeader header, Span<byte> payload, int start)
    {
        switch (header.Opcode)
        {
            case WebSocketOpcode.Ping:
                SendControl(WebSocketOpcode.Pong, payload);
                return true;
            case WebSocketOpcode.Pong:
                OnPong(payload);
                return true;
            case WebSocketOpcode.Close:
                OnPeerClose(payload);
                return false;
            case WebSocketOpcode.Text when _fragments is null:
                _connection.OnViolation(CloseReason.TextMessage, WebSocketCloseStatus.InvalidMessageType, "Only binary messages are accepted.");
                return false;
            case WebSocketOpcode.Binary or WebSocketOpcode.Text when _fragments is not null:
            case WebSocketOpcode.Continuation when _fragments is null:
                Fail(tooBig: false, "A fragmented message was interrupted or never begun.");
                return false;
        }

        if (_discarding)
        {
            return true;
        }

        if (header.Final && _fragments is null)
        {
            return Deliver(new ReadOnlyMemory<byte>(_receiveBuffer, start, payload.Length));
        }

        return Gather(header.Final, payload);
    }

    private bool Gather(bool final, ReadOnlySpan<byte> payload)
    {
        _fragments ??= ArrayPool<byte>.Shared.Rent(ProtocolConstants.MaxClientMessageBytes);
        if (_fragmentsLength + payload.Length > ProtocolConstants.MaxClientMessageBytes)
        {
            Fail(tooBig: true, $"A message may have at most {ProtocolConstants.MaxClientMessageBytes} bytes.");
            return false;
        }

        payload.CopyTo(_fragments.AsSpan(_fragmentsLength));
        _fragmentsLength += payload.Length;
        if (!final)
        {
            return true;
        }

        bool open = Deliver(new ReadOnlyMemory<byte>(_fragments, 0, _fragmentsLength));
        ReturnFragments();
        return open;
    }

    private bool Deliver(ReadOnlyMemory<byte> message)
    {
        _connection.OnMessage(message);
        if (_connection.IsClosed)
        {
            _discarding = true;
        }

        return true;
    }

    private void Fail(bool tooBig, string reason)
    {
        // Nothing after a broken frame can be framed again: once the close is out, the socket ends (RFC 6455 7.1.7).
        _failed = true;
        if (tooBig)
        {
            _connection.OnViolation(CloseReason.TooBig, WebSocketCloseStatus.MessageTooBig, reason);
        }
        else
        {
            _connection.OnViolation(CloseReason.ProtocolError, WebSocketCloseStatus.ProtocolError, reason);
        }

        EndIfClosedBothWays();
    }

    /// <summary>The peer's close frame: answered with the same code when it is valid (RFC 6455 5.5.1), with 1002 or 1007 when not.</summary>
    private void OnPeerClose(ReadOnlySpan<byte> payload)
    {
        WebSocketCloseStatus answer = WebSocketCloseStatus.NormalClosure;
        if (payload.Length == 1)
        {
            answer = WebSocketCloseStatus.ProtocolError;
        }
        else if (payload.Length >= 2)
        {
            int code = BinaryPrimitives.ReadUInt16BigEndian(payload);
            answer = !CloseCodes.IsValidFromPeer(code) ? WebSocketCloseStatus.ProtocolError
                : !CloseCodes.IsValidReason(payload[2..]) ? WebSocketCloseStatus.InvalidPayloadData
                : (WebSocketCloseStatus)code;
        }

        _peerClosed = true;
        _connection.OnPeerClosed();
        Close(answer, string.Empty);
    }

    private void ReturnFragments()
    {
        if (_fragments is not null)
        {
            ArrayPool<byte>.Shared.Return(_fragments);
            _fragments = null;
            _fragmentsLength = 0;
        }
    }
}
