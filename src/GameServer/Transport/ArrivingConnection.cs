using System.Buffers;
using System.Net.Sockets;
using GameServer.Transport.Epoll;

namespace GameServer.Transport;

/// <summary>
/// A connection just accepted, read on its epoll loop's thread until it shows what it is: a game upgrade's head is
/// read and answered there, anything else is handed on unread. No work item and no other thread's wake-up per
/// connection: a join or a refusal costs a few system calls, on a core that past capacity has none to spare
/// (perf/RESULTS.md, "Connections met on the loop").
/// </summary>
internal sealed class ArrivingConnection : IReadinessHandler
{
    private const int MaxHeadBytes = 8192;
    private static readonly byte[] s_endOfHead = "\r\n\r\n"u8.ToArray();

    private readonly EpollSocket _socket;
    private readonly UpgradeHandshake _handshake;
    private readonly GameListener _listener;
    private readonly Lock _lock = new();
    private readonly ITimer _expiry;
    private byte[]? _head;
    private int _received;
    private bool _waitingForEdge;
    private bool _settled;

    private ArrivingConnection(EpollSocket socket, UpgradeHandshake handshake, GameListener listener, TimeProvider time)
    {
        _socket = socket;
        _handshake = handshake;
        _listener = listener;
        _expiry = time.CreateTimer(static state => ((ArrivingConnection)state!).Expire(), this, handshake.IdleTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Watches <paramref name="socket"/> until its request shows what it is, or <see cref="UpgradeHandshake.IdleTimeout"/> passes.</summary>
    public static void Meet(EpollSocket socket, UpgradeHandshake handshake, GameListener listener, TimeProvider time) =>
        socket.Run(new ArrivingConnection(socket, handshake, listener, time), EpollInterop.In);

    void IReadinessHandler.OnReady(uint events)
    {
        lock (_lock)
        {
            if (_settled)
            {
                return;
            }

            try
            {
                if (_head is not null || Sort())
                {
                    ReadHead();
                }
            }
            catch (Exception ex)
            {
                Settle();
                _handshake.Failed(_socket, ex);
            }
        }
    }

    /// <summary>Peeks at the request line; true once it is a game upgrade, whose head is then read here.</summary>
    private bool Sort()
    {
        Span<byte> first = stackalloc byte[ConnectionSniff.RequestLineBytes];
        int peeked = _socket.Socket.Receive(first, SocketFlags.Peek, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            return false;
        }

        if (error != SocketError.Success || peeked == 0)
        {
            Drop();
            return false;
        }

        UpgradeSniff? sniff = ConnectionSniff.Classify(first[..peeked], peeked == first.Length);
        if (sniff is null)
        {
            // The request line came in pieces and its bytes stay unread for whoever takes them: told again only when
            // more arrive, rather than at every wait while these few sit there.
            _waitingForEdge = true;
            _socket.Arm(EpollInterop.In | EpollInterop.EdgeTriggered);
            return false;
        }

        if (sniff != UpgradeSniff.Game)
        {
            Settle();
            _listener.HandOn(_socket.Detach(), sniff.Value);
            return false;
        }

        _head = ArrayPool<byte>.Shared.Rent(MaxHeadBytes);
        if (_waitingForEdge)
        {
            _socket.Arm(EpollInterop.In);
        }

        return true;
    }

    /// <summary>Takes what came of the head; answers it once it is whole, or too large.</summary>
    private void ReadHead()
    {
        byte[] head = _head!;
        int read = _socket.Socket.Receive(head.AsSpan(_received, MaxHeadBytes - _received), SocketFlags.None, out SocketError error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success || read == 0)
        {
            Drop();
            return;
        }

        int searchFrom = Math.Max(0, _received - (s_endOfHead.Length - 1));
        _received += read;
        int end = head.AsSpan(searchFrom, _received - searchFrom).IndexOf(s_endOfHead);
        if (end < 0 && _received < MaxHeadBytes)
        {
            return;
        }

        if (end < 0)
        {
            _handshake.RefuseHeadTooLarge(_socket);
        }
        else
        {
            int headLength = searchFrom + end;
            _handshake.Answer(_socket, head.AsSpan(0, headLength), head.AsSpan(headLength + s_endOfHead.Length, _received - headLength - s_endOfHead.Length));
        }

        Settle();
    }

    /// <summary>Nothing came in time: dropped, as Kestrel drops a connection that sends no request.</summary>
    private void Expire()
    {
        lock (_lock)
        {
            if (!_settled)
            {
                Drop();
            }
        }
    }

    private void Drop()
    {
        Settle();
        _socket.Close();
    }

    /// <summary>Ends this connection's arrival: no more readiness, no expiry; the head's buffer goes back.</summary>
    private void Settle()
    {
        _settled = true;
        _expiry.Dispose();
        if (_head is not null)
        {
            ArrayPool<byte>.Shared.Return(_head);
            _head = null;
        }
    }
}
