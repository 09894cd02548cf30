using System.Buffers;
using GameServer.Protocol.Schema;
using MessagePack;

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
        SchemaStateWriter? writer = null;
        SchemaWorld? previous = null;
        SchemaWorld? current = null;
        bool first = true;
        ReplayVerdict verdict = Replayer.Run(file, games,
            stepped: match =>
            {
                match.WriteState(current!);
                if (first || current!.Tick % KeyframeInterval == 0)
                {
                    writer!.WriteSnapshot(output, current!);
                    first = false;
                }
                else
                {
                    writer!.WriteDelta(output, previous!, current!);
                }

                (previous, current) = (current!, previous);
            },
            created: (start, match) =>
            {
                WriteHeader(output, match.Schema, start.TickRate);
                writer = new SchemaStateWriter(match.Schema);
                previous = new SchemaWorld(match.Schema);
                current = new SchemaWorld(match.Schema);
            });

        return (output.WrittenSpan.ToArray(), verdict);
    }

    private static void WriteHeader(IBufferWriter<byte> output, GameSchema schema, int tickRate)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(2);
        schema.Write(ref writer);
        writer.Write(tickRate);
        writer.Flush();
    }
}
