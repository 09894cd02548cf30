using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>
/// A player's place in a match on the server side: its entity, its connection (null while disconnected), its input
/// queue, its resume token, and where its stream of deltas stands. Owned by the match's tick.
/// </summary>
public sealed class PlayerSlot(uint playerId, string name, int inputCapacity)
{
    public uint PlayerId { get; } = playerId;

    public string Name { get; } = name;

    /// <summary>The ticket subject of the connection that joined; a resume must come with the same one.</summary>
    public string? Subject { get; init; }

    public InputQueue Inputs { get; } = new(inputCapacity);

    public PlayerConnection? Connection { get; set; }

    public ResumeToken Token { get; set; }

    /// <summary>When the connection dropped (a TimeProvider timestamp); meaningful while <see cref="Connection"/> is null.</summary>
    public long DisconnectedAt { get; set; }

    /// <summary>The player's stream broke (a dropped delta, a new connection): the next frame it takes is a Snapshot.</summary>
    public bool NeedsSnapshot { get; set; } = true;

    /// <summary>A Welcome must precede the next Snapshot.</summary>
    public bool NeedsWelcome { get; set; } = true;

    /// <summary>Snapshots that resynced this player after it fell behind; written by the tick, read by the admin API.</summary>
    public int Resyncs { get; set; }

    /// <summary>When the player first missed a delta (a timestamp), or 0 while it keeps up.</summary>
    public long BehindSince { get; set; }
}
