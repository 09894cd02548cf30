using System.Collections.Concurrent;

namespace GameServer.Spectators;

/// <summary>This node's open spectator streams, counted on the spectators gauge.</summary>
public sealed class SpectatorRegistry(SpectatorMetrics metrics)
{
    private readonly ConcurrentDictionary<SpectatorStream, byte> _streams = new();
    private long _sweptOldest;

    /// <summary>Open spectator streams on this node.</summary>
    public int Count => _streams.Count;

    internal void Register(SpectatorStream spectator)
    {
        _streams.TryAdd(spectator, 0);
        metrics.Connected();
    }

    internal void Unregister(SpectatorStream spectator)
    {
        if (_streams.TryRemove(spectator, out _))
        {
            metrics.Disconnected();
        }
    }

    /// <summary>
    /// Disconnects the spectators whose next entry is older than <paramref name="oldest"/>. One parked in a write that
    /// its client does not take would never notice that it fell behind: the log's pump notices for it. The scan only
    /// runs when the oldest entry has moved, and reads one field per spectator. The pump's thread only.
    /// </summary>
    internal void AbortBehind(long oldest)
    {
        if (oldest == _sweptOldest)
        {
            return;
        }

        _sweptOldest = oldest;
        foreach (KeyValuePair<SpectatorStream, byte> spectator in _streams)
        {
            if (spectator.Key.Next < oldest)
            {
                spectator.Key.Abort();
            }
        }
    }
}
