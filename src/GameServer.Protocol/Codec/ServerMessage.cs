namespace GameServer.Protocol;

/// <summary>
/// One decoded server-to-client message; only the member that <see cref="Type"/> names is set. Snapshots and deltas
/// are applied to the reader's world (version 1's entity world, version 2's schema world) rather than returned.
/// </summary>
public readonly struct ServerMessage
{
    public ServerMessage(MessageType type, WelcomeMessage welcome = default, PongMessage pong = default,
        GameEvent gameEvent = default, ErrorMessage error = default, uint baseTick = 0, uint tick = 0)
    {
        Type = type;
        Welcome = welcome;
        Pong = pong;
        Event = gameEvent;
        Error = error;
        BaseTick = baseTick;
        Tick = tick;
    }

    public MessageType Type { get; }

    public WelcomeMessage Welcome { get; }

    public PongMessage Pong { get; }

    public GameEvent Event { get; }

    public ErrorMessage Error { get; }

    /// <summary>For a Delta, the tick it was encoded against.</summary>
    public uint BaseTick { get; }

    /// <summary>For a Snapshot or Delta, the tick of the world it produced.</summary>
    public uint Tick { get; }
}
