namespace GameServer.Spectators;

/// <summary>The <c>event:</c> names of the spectator feed (protocol.md, "Spectator feed"); web clients rely on them.</summary>
/// <remarks>
/// Every event goes to its match's feed (<c>/matches/{id}/events</c>); the overview (<c>/events</c>, the whole
/// cluster's) carries only those of <see cref="IsOverview"/>, so that it stays light however many matches play.
/// </remarks>
public static class FeedEventNames
{
    public const string MatchStarted = "match.started";
    public const string PlayerJoined = "player.joined";
    public const string PlayerLeft = "player.left";
    public const string PlayerDisconnected = "player.disconnected";
    public const string PlayerResumed = "player.resumed";
    public const string Kill = "kill";
    public const string Pickup = "pickup";
    public const string Score = "score";
    public const string MatchEnded = "match.ended";
    public const string MatchRemoved = "match.removed";
    public const string Reset = "reset";
    public const string Summary = "summary";
    public const string NodeDraining = "node.draining";

    /// <summary>Whether <c>/events</c> carries this event: a match's lifecycle, the nodes' periodic summaries and their drains.</summary>
    public static bool IsOverview(string eventName) =>
        eventName is MatchStarted or MatchEnded or MatchRemoved or Summary or NodeDraining;
}
