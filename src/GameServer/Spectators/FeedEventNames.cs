namespace GameServer.Spectators;

/// <summary>The <c>event:</c> names of the spectator feed (protocol.md, "Spectator feed"); web clients rely on them.</summary>
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
}
