namespace GameServer.Matches;

/// <summary>What happened to a player's connection, as the spectator feed tells it.</summary>
public enum PresenceChange : byte
{
    /// <summary>Not a connection change: a game event.</summary>
    None,

    /// <summary>The connection dropped; the seat is held for the resume grace period.</summary>
    Disconnected,

    /// <summary>The player resumed on a new connection within the grace period.</summary>
    Resumed,
}
