using System.Net.WebSockets;

namespace GameServer.Connections;

/// <summary>
/// The send side of one player's socket: its only writer. Deltas are bounded (a player who does not keep up loses
/// them and is resynced); replies to the player's own messages (Welcome, Pong, Error) are not dropped with them.
/// </summary>
public interface IFrameSender
{
    /// <summary>Frames queued and not yet sent, replies included.</summary>
    int Queued { get; }

    /// <summary>Bytes written to the socket so far, WebSocket headers included; for the admin API.</summary>
    long BytesSent { get; }

    /// <summary>The latest round trip the transport measured to the peer (a WebSocket Ping to its Pong); null before the first, or where the transport cannot measure one.</summary>
    TimeSpan? RoundTrip { get; }

    /// <summary>Completes when the socket is closed and nothing more will be sent or received.</summary>
    Task Completion { get; }

    /// <summary>Sends a tick's frames, or queues them behind what the socket has not taken yet, taking a reference.</summary>
    /// <returns>False, without taking a reference, when the delta queue is full or the sender is closing.</returns>
    bool TrySend(SharedFrame frame);

    /// <summary>
    /// Sends <paramref name="shared"/> as <see cref="TrySend"/> does, with this player's <paramref name="ack"/> at
    /// <paramref name="ackOffset"/>: a tick's frame shared by every player, each with its own ack. The tick's thread
    /// only; a sender may write the ack into <paramref name="shared"/> itself while it sends it.
    /// </summary>
    bool TrySendWithAck(SharedFrame shared, int ackOffset, uint ack)
    {
        SharedFrame own = shared.WithUInt32At(ackOffset, ack);
        bool sent = TrySend(own);
        own.Release();
        return sent;
    }

    /// <summary>Sends a reply to the player, queued behind deltas when it must be but never refused for their sake.</summary>
    void SendReply(SharedFrame frame);

    /// <summary>Drops the deltas not yet begun and sends a close frame with this status; later calls do nothing.</summary>
    void Close(WebSocketCloseStatus status, string reason);

    /// <summary>Ends the connection at once, without a close handshake.</summary>
    void Abort();
}
