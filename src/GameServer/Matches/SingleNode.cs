namespace GameServer.Matches;

/// <summary>A single node advertises no address: a player's next connection goes where its last request went.</summary>
public sealed class SingleNode : IAdvertisedNode
{
    public NodeAddress? Address => null;
}
