namespace GameServer.Matches;

public enum MatchCommandKind
{
    /// <summary>Add a new player (its seat was reserved by the matchmaker).</summary>
    Join,

    /// <summary>Give a player back to a new connection by its resume token.</summary>
    Resume,

    /// <summary>The player left on purpose: remove it now.</summary>
    Leave,

    /// <summary>The player's connection dropped: keep its place for the grace period.</summary>
    Disconnect,
}
