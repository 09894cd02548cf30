using GameServer.Simulation.Replays;

namespace GameServer.Replays;

/// <summary>One match's recording as the recorder and the writer share it.</summary>
internal sealed class ReplayFile(string id, uint matchId, string game, DateTimeOffset started)
{
    public string Id { get; } = id;

    public uint MatchId { get; } = matchId;

    public string Game { get; } = game;

    public DateTimeOffset Started { get; } = started;

    /// <summary>Set by the recorder before it queues the last chunk, read by the writer after it: the channel orders them.</summary>
    public ReplayEnd End { get; set; }

    /// <summary>Set by the writer when the disk refused a chunk: the rest of the recording is ignored, not written with a hole.</summary>
    public bool Failed { get; set; }

    /// <summary>The writer's open file; only the writer touches it.</summary>
    public FileStream? Stream { get; set; }
}
