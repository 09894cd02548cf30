namespace GameServer.Connections;

/// <summary>The implementations of <see cref="IFrameSender"/>.</summary>
public enum SendPath
{
    /// <summary><see cref="InlineFrameSender"/>: the queuing thread writes at once when the socket is free.</summary>
    Inline,

    /// <summary><see cref="ChannelFrameSender"/>: a bounded channel and a send loop per connection.</summary>
    Channel,
}
