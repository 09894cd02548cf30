namespace GameServer.Matches;

/// <summary>Which matches a placement may choose from.</summary>
public enum PlacementScope
{
    /// <summary>This node's matches only: a WebSocket Join, where the player is already connected here.</summary>
    ThisNode,

    /// <summary>Every node's matches: POST /matchmaking, whose answer tells the player where to connect.</summary>
    Cluster,
}
