using System.Buffers;

namespace GameServer.Simulation.Replays;

/// <summary>
/// Re-simulates a replay into what the replay page plays: protocol v1 server frames back to back, a Snapshot every
/// 30 ticks (the page seeks to the one before the tick and applies Deltas from there) and a Delta every other tick.
/// </summary>
public static class ReplayFrames
{
    /// <summary>Ticks between two Snapshots: what a seek replays at most.</summary>
    public const int KeyframeInterval = 30;

    /// <summary>The frames, and the verdict of the re-simulation that made them.</summary>
    public static (byte[] Frames, ReplayVerdict Verdict) Encode(ReadOnlyMemory<byte> file, IReadOnlyList<IReplayableGame> games)
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var previous = new WorldState();
        bool first = true;
        ReplayVerdict verdict = Replayer.Run(file, games, match =>
        {
            // Recordings are made of the replayable game only, Arena, whose state is v1's world (ReplayRecorders.Start).
            WorldState world = ((IEntityWorldSimulation)match).World;
            if (first || world.Tick % KeyframeInterval == 0)
            {
                FrameWriter.WriteSnapshot(output, world);
                first = false;
            }
            else
            {
                FrameWriter.WriteDelta(output, previous, world);
            }

            previous.CopyFrom(world);
        });

        return (output.WrittenSpan.ToArray(), verdict);
    }
}
