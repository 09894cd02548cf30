namespace GameServer.Matches;

/// <summary>The address this node gives players and other nodes; null on a single node, whose players use the address they came by.</summary>
public interface IAdvertisedNode
{
    NodeAddress? Address { get; }
}
