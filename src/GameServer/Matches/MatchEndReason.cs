namespace GameServer.Matches;

/// <summary>Why a match ended, as the spectator feed's <c>match.ended</c> says it.</summary>
public enum MatchEndReason
{
    /// <summary>The match ran its course.</summary>
    Finished,

    /// <summary>The match failed on the server.</summary>
    Failed,

    /// <summary>Its node was stopped gracefully.</summary>
    Shutdown,

    /// <summary>Its node stopped renewing its lease: crashed, killed or cut off.</summary>
    NodeLost,

    /// <summary>An operator ended it (<c>POST /admin/api/matches/{id}/end</c>).</summary>
    Operator,
}
