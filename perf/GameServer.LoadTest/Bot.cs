using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using GameServer.LoadTest.Transport;
using GameServer.Protocol;

namespace GameServer.LoadTest;

/// <summary>
/// One simulated player. Its receive side runs on the transport's receive loop; its send side (inputs, pings) is
/// pumped by the swarm's single scheduler thread, so a bot owns no thread and no timer.
/// </summary>
internal sealed partial class Bot : IMessageSink
{
    private readonly SwarmContext _context;
    private readonly Func<IBotTransport> _newTransport;
    private readonly string _name;
    private readonly ArrayBufferWriter<byte> _out = new(64);
    private IBotTransport _transport;
    private int _state;
    private long _connectedAt;

    public Bot(SwarmContext context, Func<IBotTransport> newTransport, int index)
    {
        _context = context;
        _newTransport = newTransport;
        _transport = newTransport();
        _name = "bot" + index;
        _random = (uint)(index * 2654435761u) | 1;
    }

    public BotState State => (BotState)Volatile.Read(ref _state);

    public bool EverConnected { get; private set; }

    public bool EverJoined { get; private set; }

    public uint MatchId { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _state = (int)BotState.Connecting;
        while (await RunSessionAsync(cancellationToken).ConfigureAwait(false) && await ReconnectAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <summary>One connection, from connect to its end; true when it ended because the churn dropped it.</summary>
    private async Task<bool> RunSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            OnConnecting();
            await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
            _connectedAt = _context.NowMicros();
            EverConnected = true;
            if (Interlocked.CompareExchange(ref _state, (int)BotState.Connected, (int)BotState.Connecting) != (int)BotState.Connecting)
            {
                return false;
            }

            _out.ResetWrittenCount();
            FrameWriter.WriteJoin(_out, new JoinMessage(_name, _context.Options.MatchId, _resuming ? _token : default));
            if (!TrySend())
            {
                return false;
            }

            int close = await _transport.ReceiveAsync(this, cancellationToken).ConfigureAwait(false);
            if (State == BotState.Dropped)
            {
                return true;
            }

            Fail(ErrorKind.ServerClosed, close < 0 ? "The server ended the connection without a close frame." : $"The server closed the WebSocket with {close}.");
        }
        catch (BotException ex)
        {
            Fail(ex.Kind, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SocketException or WebSocketException or IOException or ObjectDisposedException)
        {
            if (State == BotState.Dropped)
            {
                return true;
            }

            Fail(State == BotState.Connecting ? ErrorKind.ConnectFailed : ErrorKind.ConnectionLost, ex.Message);
        }

        return false;
    }

    /// <summary>Ends the bot at the end of the run; errors after this are not counted.</summary>
    public ValueTask StopAsync()
    {
        Interlocked.Exchange(ref _state, (int)BotState.Stopped);
        return _transport.DisposeAsync();
    }

    private void Fail(ErrorKind kind, string message)
    {
        int previous = Volatile.Read(ref _state);
        if (previous is (int)BotState.Failed or (int)BotState.Stopped or (int)BotState.Dropped || _context.Stopping)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _state, (int)BotState.Failed, previous) == previous)
        {
            _context.Stats.RecordError(kind, message);

            // Closing the socket ends the receive loop, which then finds the bot already failed.
            _ = _transport.DisposeAsync();
        }
    }

    private bool TrySend()
    {
        if (_transport.TrySend(_out.WrittenSpan))
        {
            _messagesSent++;
            _bytesSent += _out.WrittenCount;
            return true;
        }

        Fail(ErrorKind.SendBlocked, "A send could not complete at once: the server is not reading.");
        return false;
    }
}
