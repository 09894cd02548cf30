using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using GameServer.LoadTest.Transport;
using GameServer.Protocol;

namespace GameServer.LoadTest;

/// <summary>
/// One simulated player. Its receive side runs on the transport's receive loop; its send side (inputs, pings) is
/// pumped by one of the swarm's scheduler threads, always the same, so a bot owns no thread and no timer.
/// </summary>
internal sealed partial class Bot : IMessageSink
{
    private readonly SwarmContext _context;
    private readonly Func<Uri, EndPoint, IBotTransport> _newTransport;
    private readonly int _index;
    private readonly string _name;
    private readonly ArrayBufferWriter<byte> _out = new(64);
    private IBotTransport _transport;

    // The node the bot plays on: the swarm's URL, or the one its seat named; a resume goes back there.
    private Uri _node;
    private EndPoint _nodeEndPoint;
    private int _state;
    private long _connectedAt;

    public Bot(SwarmContext context, Func<Uri, EndPoint, IBotTransport> newTransport, int index, EndPoint endPoint)
    {
        _context = context;
        _newTransport = newTransport;
        _node = context.Options.Url;
        _nodeEndPoint = endPoint;
        _transport = newTransport(_node, endPoint);
        _index = index;
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
            uint? matchId = _context.Options.MatchId;
            if (_context.Placer is SeatPlacer placer && !_resuming)
            {
                SeatPlacer.Placement seat = await placer.SeatAsync(_index, _context.Options.Game, cancellationToken).ConfigureAwait(false);
                _node = seat.NodeUri;
                _nodeEndPoint = await _context.EndPoints.ResolveAsync(_node, cancellationToken).ConfigureAwait(false);
                if (!await ReplaceTransportAsync(_newTransport(seat.SeatUri, _nodeEndPoint)).ConfigureAwait(false))
                {
                    return false;
                }

                matchId = seat.MatchId;
            }

            await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
            _connectedAt = _context.NowMicros();
            EverConnected = true;
            if (Interlocked.CompareExchange(ref _state, (int)BotState.Connected, (int)BotState.Connecting) != (int)BotState.Connecting)
            {
                return false;
            }

            _out.ResetWrittenCount();
            FrameWriter.WriteJoin(_out, new JoinMessage(_name, matchId, _resuming ? _token : default, _context.Options.Game));
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

    /// <summary>Swaps the transport not yet connected for one to the seat's node; false when the bot was stopped meanwhile.</summary>
    private async ValueTask<bool> ReplaceTransportAsync(IBotTransport next)
    {
        IBotTransport unused = _transport;
        _transport = next;
        await unused.DisposeAsync().ConfigureAwait(false);

        // StopAsync may have disposed the old transport only.
        if (State == BotState.Stopped)
        {
            await next.DisposeAsync().ConfigureAwait(false);
            return false;
        }

        return true;
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
