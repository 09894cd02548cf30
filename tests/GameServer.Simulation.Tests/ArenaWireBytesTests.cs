using System.Buffers;
using GameServer.Arena.Wire;
using GameServer.Protocol.Schema;
using Xunit.Abstractions;

namespace GameServer.Simulation.Tests;

/// <summary>
/// Bytes per delta on real Arena worlds: 64 players driven like the swarm's <c>play</c>, v1's DeltaCodec against the v2
/// schema codec, every tick round-tripped bit-exactly through v2. The figures go to perf/RESULTS.md ("Netcode v2").
/// </summary>
public sealed class ArenaWireBytesTests(ITestOutputHelper output)
{
    private const int Players = 64;
    private const int WarmUpTicks = 60;
    private const int MeasuredTicks = 300;

    [Fact]
    public void PlayedMatchOf64_V2Deltas_RoundTripExactlyAtUnderFourTenthsOfV1()
    {
        var rules = new ArenaRules { TimeLimitTicks = 0, ScoreLimit = 0 };
        GameSchema schema = ArenaSchema.For(rules);
        var match = new Match(1, 7, rules);
        var ids = new List<uint>();
        for (int p = 0; p < Players; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new PlayBots(ids, seed: 7);
        var writer = new SchemaStateWriter(schema);
        var reader = new SchemaStateReader(schema);
        var previousArena = new WorldState();
        var previous = new SchemaWorld(schema);
        var current = new SchemaWorld(schema);
        var client = new SchemaWorld(schema);
        var clientArena = new WorldState();
        var expectedArena = new WorldState();
        var v1 = new ArrayBufferWriter<byte>();
        var v2 = new ArrayBufferWriter<byte>();
        var v1Sizes = new List<int>();
        var v2Sizes = new List<int>();
        int runningTicks = 0;

        while (runningTicks < WarmUpTicks + MeasuredTicks)
        {
            previousArena.CopyFrom(match.World);
            match.Step(bots.InputsFor(match.World.Tick + 1));
            ArenaStateAdapter.ToSchema(match.World, current);
            if (client.Tick == 0)
            {
                v2.ResetWrittenCount();
                writer.WriteSnapshot(v2, current);
                Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(v2.WrittenMemory), client, out _, out _));
            }
            else
            {
                v1.ResetWrittenCount();
                ArenaFrameWriter.WriteDelta(v1, previousArena, match.World);
                v2.ResetWrittenCount();
                writer.WriteDelta(v2, previous, current);
                DecodeStatus status = reader.TryRead(new ReadOnlySequence<byte>(v2.WrittenMemory), client, out _, out string? reason);
                Assert.True(status == DecodeStatus.Ok, reason);
                if (match.Phase == MatchPhase.Running && ++runningTicks > WarmUpTicks)
                {
                    v1Sizes.Add(WithWebSocketHeader(v1.WrittenCount));
                    v2Sizes.Add(WithWebSocketHeader(v2.WrittenCount));
                }
            }

            Assert.True(client.ContentEquals(current), $"The v2 client's world differs from the server's at tick {current.Tick}.");
            ArenaStateAdapter.ToArena(client, clientArena);
            expectedArena.CopyFrom(match.World);
            foreach (ref EntityState e in expectedArena.EntitiesMutable)
            {
                e.LastInputSequence = 0;
            }

            Assert.True(clientArena.ContentEquals(expectedArena), $"Arena's world does not survive v2 at tick {current.Tick}.");
            previous.CopyFrom(current);
        }

        double v1Mean = v1Sizes.Average();
        double v2Mean = v2Sizes.Average();
        output.WriteLine($"{Players} players, play behaviour, {MeasuredTicks} running ticks after {WarmUpTicks}, {match.World.Count} entities at the end");
        output.WriteLine($"v1 bytes per delta (frame + WebSocket header): mean {v1Mean:F1}, p95 {P95(v1Sizes)}, max {v1Sizes.Max()}");
        output.WriteLine($"v2 bytes per delta (frame + WebSocket header): mean {v2Mean:F1}, p95 {P95(v2Sizes)}, max {v2Sizes.Max()}");
        output.WriteLine($"v2 / v1: {v2Mean / v1Mean:F3}; v2 per player at 30 deltas/s: {v2Mean * 30 / 1000:F1} KB/s; the schema's MessagePack form: {schema.ToBytes().Length} bytes");
        Assert.True(v2Mean <= 0.4 * v1Mean, $"v2 deltas average {v2Mean:F1} bytes, over 0.4 x v1's {v1Mean:F1}.");
    }

    [Fact]
    public void AdapterEncoderAndReader_SteadyStateTicks_AllocateNothing()
    {
        var rules = new ArenaRules { TimeLimitTicks = 0, ScoreLimit = 0 };
        GameSchema schema = ArenaSchema.For(rules);
        var match = new Match(1, 3, rules);
        var ids = new List<uint>();
        for (int p = 0; p < Players; p++)
        {
            ids.Add(match.AddPlayer("bot" + p));
        }

        var bots = new PlayBots(ids, seed: 3);
        var writer = new SchemaStateWriter(schema);
        var reader = new SchemaStateReader(schema);
        var previous = new SchemaWorld(schema);
        var current = new SchemaWorld(schema);
        var client = new SchemaWorld(schema);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        long allocated = 0;
        for (int tick = 0; tick < 400; tick++)
        {
            match.Step(bots.InputsFor(match.World.Tick + 1));
            long before = GC.GetAllocatedBytesForCurrentThread();
            ArenaStateAdapter.ToSchema(match.World, current);
            buffer.ResetWrittenCount();
            if (tick == 0)
            {
                writer.WriteSnapshot(buffer, current);
            }
            else
            {
                writer.WriteDelta(buffer, previous, current);
            }

            reader.TryRead(new ReadOnlySequence<byte>(buffer.WrittenMemory), client, out _, out _);
            previous.CopyFrom(current);

            // The first 200 ticks size every buffer (and the client decodes the players' names once); then nothing.
            if (tick >= 200)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        Assert.Equal(MatchPhase.Running, match.Phase);
        Assert.Equal(0, allocated);
    }

    // RFC 6455: a server frame's header is 2 bytes up to 125 bytes of payload, 4 up to 65535, else 10.
    private static int WithWebSocketHeader(int payload) => payload + (payload <= 125 ? 2 : payload <= 65_535 ? 4 : 10);

    private static int P95(List<int> sizes)
    {
        int[] sorted = [.. sizes.Order()];
        return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
    }
}
