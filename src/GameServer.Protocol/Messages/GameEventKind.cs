namespace GameServer.Protocol;

/// <summary>Kinds of <see cref="GameEvent"/> (protocol.md, "Event").</summary>
public enum GameEventKind : byte
{
    /// <summary>Subject joined.</summary>
    PlayerJoined = 1,

    /// <summary>Subject left.</summary>
    PlayerLeft = 2,

    /// <summary>Subject killed Object (Subject 0: killed by the arena).</summary>
    Kill = 3,

    /// <summary>Subject collected a pickup; Value is its <see cref="PickupKind"/>.</summary>
    Pickup = 4,

    /// <summary>Subject's score is now Value.</summary>
    ScoreChanged = 5,

    /// <summary>The match started running.</summary>
    MatchStarted = 6,

    /// <summary>The match ended; Subject is the winner (0 when none).</summary>
    MatchEnded = 7,
}
