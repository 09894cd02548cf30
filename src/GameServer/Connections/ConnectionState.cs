namespace GameServer.Connections;

/// <summary>Where a player connection stands with respect to matches.</summary>
public enum ConnectionState
{
    /// <summary>Connected, in no match: Join is valid.</summary>
    Lobby,

    /// <summary>A Join or resume is on its way to a match's tick.</summary>
    Joining,

    /// <summary>In a match: Input is valid.</summary>
    Playing,
}
