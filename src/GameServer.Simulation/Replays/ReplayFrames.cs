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

    /// <summary>Whether a replay of <paramref name="game"/> has frames: Arena's only, whose state is v1's world; any game's replay verifies.</summary>
    public static bool CanDraw(string game) => game == ArenaSchema.GameName;

    /// <summary>The frames, and the verdict of the re-simulation that made them.</summary>
    /// <param name="file">A replay of a game <see cref="CanDraw"/> accepts.</param>
    public static (byte[] Frames, ReplayVerdict Verdict) Encode(ReadOnlyMemory<byte> file, IReadOnlyList<IReplayableGame> games)
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        var previous = new WorldState();
        bool first = true;
        ReplayVerdict verdict = Replayer.Run(file, games, match =>
        {
            // Only Arena's replays are drawn, its state being v1's world (CanDraw).
            WorldState world = ((IEntityWorldSimulation)match).World;
            if (first || world.Tick % KeyframeInterval == 0)
            {
                ArenaFrameWriter.WriteSnapshot(output, world);
                first = false;
            }
            else
            {
                ArenaFrameWriter.WriteDelta(output, previous, world);
            }

            previous.CopyFrom(world);
        });

        return (output.WrittenSpan.ToArray(), verdict);
    }
}
