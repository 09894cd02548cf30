using GameServer.Admission;
using GameServer.Matches;
using GameServer.Spectators;

namespace GameServer.Admin;

/// <summary>Drains and undrains the node, and tells the overview feed (<c>node.draining</c>) when that changes anything.</summary>
internal sealed class DrainControl(NodeDrain drain, InMemoryMatchEventLog feed, IAdvertisedNode node)
{
    /// <summary>The node's name in the feed: its advertised address on a cluster, "local" on a single node.</summary>
    public string NodeName => (node.Address ?? NodeAddress.Local).Value;

    public void Set(bool draining)
    {
        if (drain.Set(draining))
        {
            feed.PublishNodeDraining(NodeName, draining);
        }
    }
}
