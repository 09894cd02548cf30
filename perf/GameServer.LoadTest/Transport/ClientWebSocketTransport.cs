using System.Buffers;
using System.Net.WebSockets;

namespace GameServer.LoadTest.Transport;

/// <summary>The bots on <see cref="ClientWebSocket"/>: simpler, kept to measure the raw transport against.</summary>
internal sealed class ClientWebSocketTransport : IBotTransport
{
    private const int MaxMessage = 1 << 20;

    private readonly Uri _uri;
    private readonly ClientWebSocket _socket = new();
    private readonly Lock _sendLock = new();
    private readonly byte[] _send = new byte[256];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
    private Task _pendingSend = Task.CompletedTask;

    public ClientWebSocketTransport(Uri uri, string subProtocol)
    {
        _uri = uri;
        _socket.Options.AddSubProtocol(subProtocol);
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _socket.ConnectAsync(_uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex)
        {
            throw new BotException(ErrorKind.ConnectFailed, ex.Message);
        }
    }

    public bool TrySend(ReadOnlySpan<byte> message)
    {
        lock (_sendLock)
        {
            // ClientWebSocket allows one send at a time: a send still pending means the server is not reading.
            if (!_pendingSend.IsCompletedSuccessfully || message.Length > _send.Length)
            {
                return false;
            }

            message.CopyTo(_send);
            ValueTask sending = _socket.SendAsync(_send.AsMemory(0, message.Length), WebSocketMessageType.Binary, true, CancellationToken.None);
            if (sending.IsCompletedSuccessfully)
            {
                sending.GetAwaiter().GetResult();
            }
            else
            {
                _pendingSend = sending.AsTask();
            }

            return true;
        }
    }

    public async Task<int> ReceiveAsync(IMessageSink sink, CancellationToken cancellationToken)
    {
        while (true)
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == _buffer.Length)
                {
                    Grow();
                }

                result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int?)_socket.CloseStatus ?? 1005;
            }

            if (result.MessageType != WebSocketMessageType.Binary)
            {
                throw new BotException(ErrorKind.ProtocolViolation, "The server sent a text message.");
            }

            sink.OnMessage(_buffer.AsMemory(0, length));
        }
    }

    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }

    private void Grow()
    {
        if (_buffer.Length >= MaxMessage)
        {
            throw new BotException(ErrorKind.ProtocolViolation, $"A server message is over {MaxMessage} bytes.");
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.CopyTo(bigger, 0);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
