namespace GameServer.Transport;

/// <summary>What a queued frame is to its connection.</summary>
internal enum FrameKind
{
    /// <summary>A tick's delta or snapshot with its events: bounded, dropped and resynced when the player lags.</summary>
    Tick,

    /// <summary>A reply to the player (Welcome, Pong, Error) or a control frame: never dropped for a tick's sake.</summary>
    Reply,

    /// <summary>The close frame: the last thing written.</summary>
    Close,
}
