namespace GameServer.Protocol;

/// <summary>Kinds of <see cref="GameEvent"/> (protocol.md, "Event").</summary>
public enum GameEventKind : byte
{
    /// <summary>Subject joined.</summary>
    PlayerJoined = 1,

    /// <summary>Subject left.</summary>
    PlayerLeft = 2,

    /// <summary>Subject took Object out of play: a kill in Arena, a tag in Tag (Subject 0: nobody, the world did).</summary>
    Kill = 3,

    /// <summary>Subject collected an item; Value is the game's kind of item (Arena: its pickup kinds).</summary>
    Pickup = 4,

    /// <summary>Subject's score is now Value.</summary>
    ScoreChanged = 5,

    /// <summary>The match started running.</summary>
    MatchStarted = 6,

    /// <summary>The match ended; Subject is the winner (0 when none).</summary>
    MatchEnded = 7,
}
