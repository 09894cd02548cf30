namespace GameServer.Connections;

/// <summary>
/// The bytes one player's connection received, and both directions' rates per second as the admin sampler last took
/// them. The receive loop adds, the sampler reads: one writer each, plain fields, nothing on the hot path but an add.
/// </summary>
public sealed class PlayerTraffic
{
    private long _received;

    // The sampler's own: the totals at its last sample.
    private long _sampledReceived;
    private long _sampledSent;
    private long _sampledAt;

    public long BytesReceived => Volatile.Read(ref _received);

    /// <summary>Bytes per second received between the sampler's last two samples (0 before it has two).</summary>
    public long BytesInPerSecond { get; private set; }

    /// <summary>Bytes per second sent between the sampler's last two samples (0 before it has two).</summary>
    public long BytesOutPerSecond { get; private set; }

    /// <summary>One message's bytes, from the connection's receive loop.</summary>
    public void Received(int bytes) => Volatile.Write(ref _received, _received + bytes);

    /// <summary>Takes the rates since the last call (the admin sampler's thread only).</summary>
    /// <param name="sent">The bytes the connection's sender has written so far.</param>
    public void Sample(long sent, long now, TimeProvider time)
    {
        long received = BytesReceived;
        if (_sampledAt != 0)
        {
            double seconds = time.GetElapsedTime(_sampledAt, now).TotalSeconds;
            if (seconds > 0)
            {
                BytesInPerSecond = (long)((received - _sampledReceived) / seconds);
                BytesOutPerSecond = (long)((sent - _sampledSent) / seconds);
            }
        }

        _sampledReceived = received;
        _sampledSent = sent;
        _sampledAt = now;
    }
}
