using System.Buffers;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Connections;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Protocol.Schema;
using GameServer.Protocol.WebSockets;
using GameServer.Simulation;

namespace GameServer.Tests.Matches;

/// <summary>The v2 fan-out of a match of 64: one encoding per tick, each player's frame the shared bytes with its own ack, and no allocation in the steady state.</summary>
public sealed class MatchWireTests
{
    private const int Players = 64;

    [Fact]
    public void TrySendDelta_GivesEachPlayerTheSharedBytesWithItsOwnAck_WhichDecodeToTheGamesWorld()
    {
        (Match match, MatchWire wire, CountingSender[] senders) = Start();
        Tick(match, wire, senders, 0);
        Tick(match, wire, senders, 1);

        byte[] first = senders[0].Last;
        for (int p = 0; p < Players; p++)
        {
            byte[] frame = senders[p].Last;
            Assert.Equal(first.Length, frame.Length);
            Assert.True(WebSocketFraming.TryReadServerFrame(frame, out _, out int header, out int payload));
            ReadOnlySpan<byte> message = frame.AsSpan(header, payload);
            Assert.Equal(first.AsSpan(header, payload - 4).ToArray(), message[..^4].ToArray());
            Assert.Equal((uint)(100 + p), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(message[^4..]));
        }

        // The delta applies to the world of the tick before and gives the game's world.
        var reader = new SchemaStateReader(match.Schema);
        var world = new SchemaWorld(match.Schema);
        Assert.True(WebSocketFraming.TryReadServerFrame(senders[0].Previous, out _, out int h0, out int p0));
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(senders[0].Previous, h0, p0), world, out _, out _));
        Assert.True(WebSocketFraming.TryReadServerFrame(first, out _, out int h1, out int p1));
        Assert.Equal(DecodeStatus.Ok, reader.TryRead(new ReadOnlySequence<byte>(first, h1, p1), world, out MessageType type, out _));
        Assert.Equal(MessageType.Delta, type);
        var expected = new SchemaWorld(match.Schema);
        match.WriteState(expected);
        Assert.True(world.ContentEquals(expected));
    }

    [Fact]
    public void TrySendDelta_SteadyState_AllocatesNothing()
    {
        (Match match, MatchWire wire, CountingSender[] senders) = Start();
        for (int tick = 0; tick < 200; tick++)
        {
            Tick(match, wire, senders, tick);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int tick = 200; tick < 400; tick++)
        {
            Tick(match, wire, senders, tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(MatchPhase.Running, match.Phase);
    }

    private static (Match, MatchWire, CountingSender[]) Start()
    {
        var match = new Match(1, 5, new ArenaRules { CountdownTicks = 1 });
        var senders = new CountingSender[Players];
        for (int p = 0; p < Players; p++)
        {
            match.AddPlayer("p" + p);
            senders[p] = new CountingSender();
        }

        return (match, new MatchWire(match), senders);
    }

    /// <summary>One tick: every player turns and moves, then each gets its frame (the first a snapshot), acks 100 and up.</summary>
    private static void Tick(Match match, MatchWire wire, CountingSender[] senders, int tick)
    {
        Span<PlayerInput> inputs = stackalloc PlayerInput[Players];
        for (int p = 0; p < Players; p++)
        {
            var input = new InputMessage((uint)tick + 1, 0, (sbyte)(tick % 2 == 0 ? 90 : -90), 40, (ushort)(tick * 700 + p), Buttons.None);
            inputs[p] = new PlayerInput((uint)p + 1, input);
        }

        match.Step(inputs);
        wire.Begin(schemaPlayers: true);
        for (int p = 0; p < Players; p++)
        {
            Assert.True(tick == 0 ? wire.TrySendSnapshot(senders[p], (uint)(100 + p)) : wire.TrySendDelta(senders[p], (uint)(100 + p)));
        }

        wire.End();
        match.ClearEvents();
    }

    /// <summary>Takes every frame at once, keeping copies of the first two only (so later ticks allocate nothing here).</summary>
    private sealed class CountingSender : IFrameSender
    {
        public List<byte[]> Kept { get; } = new(2);

        public byte[] Previous => Kept[0];

        public byte[] Last => Kept[1];

        public int Queued => 0;

        public long BytesSent { get; private set; }

        public TimeSpan? RoundTrip => null;

        public Task Completion => Task.CompletedTask;

        public bool TrySend(SharedFrame frame)
        {
            BytesSent += frame.Length;
            if (Kept.Count < 2)
            {
                Kept.Add(frame.Memory.ToArray());
            }

            return true;
        }

        public void SendReply(SharedFrame frame)
        {
        }

        public void Close(WebSocketCloseStatus status, string reason)
        {
        }

        public void Abort()
        {
        }
    }
}
