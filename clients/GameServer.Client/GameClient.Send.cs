using System.Buffers;
using System.Net.WebSockets;
using GameServer.Protocol;

namespace GameServer.Client;

public sealed partial class GameClient
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly FrameBuffer _output = new();
    private TaskCompletionSource<TimeSpan>? _pendingPing;
    private uint _pendingPingTime;

    /// <summary>
    /// Sends one input (one per tick is the intended rate) with the next sequence number and the world's tick as the
    /// acknowledged tick, and as the view tick: right for a client that draws the latest world; one that interpolates
    /// passes its <see cref="InterpolationBuffer.DisplayedTick"/> to the other overload. Returns the input as sent: add
    /// it to a <see cref="PredictionBuffer"/> to predict.
    /// </summary>
    public ValueTask<InputMessage> SendInputAsync(sbyte moveX, sbyte moveY, ushort aim, Buttons buttons = Buttons.None,
        CancellationToken cancellationToken = default) =>
        SendInputAsync(moveX, moveY, aim, buttons, World.Tick, cancellationToken);

    /// <summary>
    /// Sends one input made while the client displayed the world of <paramref name="viewTick"/> (interpolation included;
    /// 0 for none): the server judges its shots against the world as it was then (protocol.md, "Lag compensation").
    /// </summary>
    public async ValueTask<InputMessage> SendInputAsync(sbyte moveX, sbyte moveY, ushort aim, Buttons buttons, uint viewTick,
        CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The sequence is taken under the lock, so inputs reach the socket in sequence order.
            var input = new InputMessage(++LastInputSequence, World.Tick, moveX, moveY, aim, buttons, viewTick);
            _output.Reset();
            FrameWriter.WriteInput(_output, input);
            await CurrentSocket().SendAsync(_output.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            return input;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a Ping; its Pong updates <see cref="RoundTrip"/> and raises <see cref="PongReceived"/>.</summary>
    public ValueTask SendPingAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new PingMessage(_roundTrip.Now), static (writer, m) => FrameWriter.WritePing(writer, m), cancellationToken);

    /// <summary>Sends a Ping and returns the round trip once its Pong is back.</summary>
    public async Task<TimeSpan> MeasureRoundTripAsync(CancellationToken cancellationToken = default)
    {
        var pending = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        uint now = _roundTrip.Now;
        _pendingPingTime = now;
        Volatile.Write(ref _pendingPing, pending);
        await SendAsync(new PingMessage(now), static (writer, m) => FrameWriter.WritePing(writer, m), cancellationToken).ConfigureAwait(false);
        return await WithTimeout(pending, cancellationToken).ConfigureAwait(false);
    }

    private void OnPong(in PongMessage pong, TimeSpan roundTrip)
    {
        if (pong.ClientTime == _pendingPingTime)
        {
            Interlocked.Exchange(ref _pendingPing, null)?.TrySetResult(roundTrip);
        }
    }

    private async ValueTask SendAsync<T>(T message, Action<IBufferWriter<byte>, T> write, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _output.Reset();
            write(_output, message);
            await CurrentSocket().SendAsync(_output.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private ClientWebSocket CurrentSocket() =>
        _socket ?? throw new GameClientException("Not connected: the connection was closed.");
}
