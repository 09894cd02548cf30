using System.Buffers;

namespace GameServer.Simulation.Replays;

/// <summary>
/// Re-simulates a replay of any game into what the replay page plays, in protocol v2's state (docs/netcode-v2.md):
/// a header <c>[schema, tickRate]</c>, then per tick a v2 Snapshot (the first tick and every
/// <see cref="KeyframeInterval"/>th, where the page seeks to) or a v2 Delta from the tick before, without an ack, back
/// to back. One format for every game: the schema says how to read it, its game which renderer draws it.
/// </summary>
public static class ReplayFrames
{
    /// <summary>Ticks between two Snapshots: what a seek replays at most.</summary>
    public const int KeyframeInterval = 30;

    /// <summary>The frames, and the verdict of the re-simulation that made them (frames up to where it stopped).</summary>
    public static (byte[] Frames, ReplayVerdict Verdict) Encode(ReadOnlyMemory<byte> file, IReadOnlyList<IReplayableGame> games)
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        ReplayFrameWriter? frames = null;
        ReplayVerdict verdict = Replayer.Run(file, games,
            stepped: match => frames!.Write(match),
            created: (start, match) => frames = new ReplayFrameWriter(output, match.Schema, start.TickRate));
        return (output.WrittenSpan.ToArray(), verdict);
    }
}
