using System.Net.WebSockets;

namespace GameServer.Connections;

/// <summary>
/// The send path of one socket: the only writer to it. Kept behind this small type so a leaner implementation
/// (sends issued from the tick thread, or a raw socket after the upgrade) can replace it without touching the rest.
/// </summary>
public interface IFrameSender
{
    /// <summary>Frames queued and not yet sent.</summary>
    int Queued { get; }

    /// <summary>Completes when the sender has stopped: closed, or the socket failed.</summary>
    Task Completion { get; }

    /// <summary>Queues a frame, taking a reference to it that the sender releases once sent or dropped.</summary>
    /// <returns>False, without taking a reference, when the queue is full or the sender is closing.</returns>
    bool TrySend(SharedFrame frame);

    /// <summary>Drops what is queued and sends a close frame with this status; later calls do nothing.</summary>
    void Close(WebSocketCloseStatus status, string reason);
}
