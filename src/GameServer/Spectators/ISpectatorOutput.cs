namespace GameServer.Spectators;

/// <summary>
/// Where a spectator's stream goes once its response head is sent: Kestrel's response, or a socket of the lean
/// listener's own. Frames are whole SSE events, shared by every spectator: an output queues them, it does not own them.
/// </summary>
public interface ISpectatorOutput
{
    /// <summary>Queues a frame for the next flush.</summary>
    void Add(byte[] frame);

    /// <summary>Sends what was queued; completes when the client has taken it, so a slow reader slows only itself.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>Cuts the connection: the spectator is dropped while it may be parked in a write.</summary>
    void Abort();
}
