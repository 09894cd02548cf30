using System.Buffers;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;

namespace GameServer.Client;

public sealed partial class GameClient
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly FrameBuffer _output = new();
    private TaskCompletionSource<TimeSpan>? _pendingPing;
    private uint _pendingPingTime;

    // Protocol 2's input values, written under the send lock.
    private readonly int[] _inputValues = new int[GameServer.Protocol.Schema.GameSchema.MaxInputFields];

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
            if (_v2 is null)
            {
                ArenaFrameWriter.WriteInput(_output, input);
            }
            else
            {
                InputValuesWriter toValues = _options.InputToValues
                    ?? throw new GameClientException("On protocol 2 set GameClientOptions.InputToValues, or send SendInputValuesAsync.");
                int count = RequireSchema().Input.Count;
                toValues(input, _inputValues.AsSpan(0, count));
                FrameWriter.WriteInput(_output, input.Sequence, input.AckTick, viewTick, _inputValues.AsSpan(0, count));
            }

            await CurrentSocket().SendAsync(_output.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            return input;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Protocol 2: sends one input as the values of the schema's input fields, in their order and each within its
    /// range (the server closes with 1007 otherwise), with the next sequence number. Returns the sequence.
    /// </summary>
    public async ValueTask<uint> SendInputValuesAsync(ReadOnlyMemory<int> values, uint viewTick = 0, CancellationToken cancellationToken = default)
    {
        if (RequireSchema().Input.Count != values.Length)
        {
            throw new ArgumentException($"The schema has {RequireSchema().Input.Count} input fields; {values.Length} values were given.", nameof(values));
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            uint sequence = ++LastInputSequence;
            _output.Reset();
            FrameWriter.WriteInput(_output, sequence, (SchemaWorld?.Tick).GetValueOrDefault(), viewTick, values.Span);
            await CurrentSocket().SendAsync(_output.WrittenMemory, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
            return sequence;
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

    private GameServer.Protocol.Schema.GameSchema RequireSchema() =>
        Schema ?? throw new GameClientException("Input values need the schema of protocol 2's Welcome: connect with ProtocolVersion 2 and join first.");

    private ClientWebSocket CurrentSocket() =>
        _socket ?? throw new GameClientException("Not connected: the connection was closed.");
}
