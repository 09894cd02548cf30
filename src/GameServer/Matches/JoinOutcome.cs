namespace GameServer.Matches;

public enum JoinOutcome
{
    Joined,
    NotFound,
    Full,

    /// <summary>The match runs on another node (the placement names it), and the request was for a seat on this one.</summary>
    Elsewhere,

    /// <summary>The quick join asked for a game this server does not run.</summary>
    UnknownGame,
}
