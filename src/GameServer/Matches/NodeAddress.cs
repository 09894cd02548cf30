namespace GameServer.Matches;

/// <summary>Where a node takes players: on a cluster, its base URL (<c>Redis:NodeAddress</c>); an opaque string to everyone else.</summary>
public readonly record struct NodeAddress(string Value)
{
    /// <summary>This process, the one node of the in-process default.</summary>
    public static NodeAddress Local { get; } = new("local");

    public override string ToString() => Value;
}
