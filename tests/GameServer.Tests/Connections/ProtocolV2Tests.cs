using System.Buffers;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;
using MessagePack;

namespace GameServer.Tests.Connections;

/// <summary>
/// Protocol v2 on a real server, on both transports: a v2 player beside a v1 player in one match, each decoding its
/// own version; Input v2, its validation, resume.
/// </summary>
public abstract class ProtocolV2Tests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:Transport"] = transport.ToString(),
        ["Gateway:ResumeGracePeriod"] = "00:00:10",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Upgrade_OfferingBothVersions_SelectsV2()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocolV2);
        await socket.ConnectAsync(_server.WebSocketUri, CancellationToken.None);

        Assert.Equal(ProtocolConstants.SubProtocolV2, socket.SubProtocol);
    }

    [Fact]
    public async Task V2Player_BesideAV1Player_SeesTheSameWorldEveryTick_MovesByInputV2_AndGetsItsOwnAck()
    {
        await using TestPlayer one = await TestPlayer.JoinAsync(_server, "One");
        await using TestPlayer two = await TestPlayer.JoinAsync(_server, "Two", one.Welcome.MatchId, ProtocolConstants.Version2);
        Assert.Equal(ProtocolConstants.SubProtocolV2, two.Socket.SubProtocol);
        Assert.Equal(ProtocolConstants.Version2, two.Welcome.Version);
        Assert.Equal(ArenaSchema.For(_server.GetService<ArenaRules>()).ToBytes(), two.V2!.Schema!.ToBytes());
        one.RecordWorlds();
        two.RecordWorlds();
        uint twoId = two.Welcome.PlayerId;

        // Two's Welcome may reach it before the delta of its join tick reaches one.
        int startY = (await one.WaitForWorldAsync(w => w.IndexOf(twoId) >= 0)).Get(twoId).Y;

        uint sequenceOne = await one.SendInputAsync(127, 0);
        uint sequenceTwo = await two.SendInputAsync(0, 127, aim: 12345);

        // Input v2 moved the v2 player, as the v1 player sees it; each player's frames acknowledge its own input.
        await one.WaitForWorldAsync(w => w.Get(twoId).Y > startY && w.Get(twoId).Aim == 12345 && w.Get(twoId).LastInputSequence == sequenceTwo);
        await two.WaitForWorldAsync(_ => two.Ack == sequenceTwo);
        await one.WaitForWorldAsync(w => w.Get(one.Welcome.PlayerId).LastInputSequence == sequenceOne);

        uint until = Math.Max(one.World.Tick, two.World.Tick) + 20;
        await one.WaitForWorldAsync(w => w.Tick >= until);
        await two.WaitForWorldAsync(w => w.Tick >= until);
        uint[] common = [.. one.Recorded.Keys.Intersect(two.Recorded.Keys).Order()];
        Assert.True(common.Length >= 20, $"Only {common.Length} ticks were seen by both players.");
        foreach (uint tick in common)
        {
            AssertSameWorld(one.Recorded[tick], two.Recorded[tick]);
        }
    }

    public static TheoryData<string> MalformedInputs() => ["missing value", "out of range", "non-integer"];

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public async Task MalformedInputV2_ClosesWith1007_WhileTheBystanderKeepsEveryTick(string attack)
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Bystander", version: ProtocolConstants.Version2);
        await using TestPlayer attacker = await TestPlayer.JoinAsync(_server, "Mallory", bystander.Welcome.MatchId, ProtocolConstants.Version2);

        await attacker.SendRawAsync(MalformedInput(attack));

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await attacker.WaitForCloseAsync());

        // The bystander's reader applies each delta only onto the tick before it: a missed tick would fail its decode.
        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 15);
        Assert.Equal(WebSocketState.Open, bystander.Socket.State);
    }

    [Fact]
    public async Task InputV2_OversizedIsClosedWith1009_BeforeJoinIsAnInvalidState_AndAStaleSequenceIsIgnored()
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Bystander", version: ProtocolConstants.Version2);

        await using TestPlayer early = await TestPlayer.ConnectAsync(_server, version: ProtocolConstants.Version2);
        await early.SendRawAsync(ValidInput(sequence: 1));
        Assert.Equal(ErrorCode.InvalidState, (await early.NextAsync(MessageType.Error)).Error.Code);

        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada", bystander.Welcome.MatchId, ProtocolConstants.Version2);
        await player.SendRawAsync(ValidInput(sequence: 5));
        await player.WaitForWorldAsync(_ => player.Ack == 5);
        await player.SendRawAsync(ValidInput(sequence: 3));
        uint tick = player.World.Tick;
        await player.WaitForWorldAsync(w => w.Tick >= tick + 10);
        Assert.Equal(5u, player.Ack);

        await using TestPlayer mallory = await TestPlayer.JoinAsync(_server, "Mallory", bystander.Welcome.MatchId, ProtocolConstants.Version2);
        await mallory.SendRawAsync([.. ValidInput(sequence: 1).AsSpan(0, 1), .. new byte[ProtocolConstants.MaxClientMessageBytes]]);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await mallory.WaitForCloseAsync());

        tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 15);
        Assert.Equal(WebSocketState.Open, bystander.Socket.State);
    }

    private static byte[] ValidInput(uint sequence)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FrameWriter.WriteInput(buffer, sequence, 0, 0, [0, 0, 0, 0]);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public async Task ResumeOnV2_KeepsThePlayer_WithAV2SnapshotCarryingItsAck()
    {
        TestPlayer first = await TestPlayer.JoinAsync(_server, "Ada", version: ProtocolConstants.Version2);
        uint sequence = await first.SendInputAsync(127, 0);
        await first.WaitForWorldAsync(_ => first.Ack == sequence);
        WelcomeMessage original = first.Welcome;
        first.Socket.Abort();
        await first.DisposeAsync();

        await using TestPlayer second = await TestPlayer.ConnectAsync(_server, version: ProtocolConstants.Version2);
        await second.SendJoinAsync("Ada", resume: original.Resume);
        await second.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(ProtocolConstants.Version2, second.Welcome.Version);
        Assert.Equal(original.PlayerId, second.Welcome.PlayerId);
        Assert.Equal(original.MatchId, second.Welcome.MatchId);
        Assert.Equal(sequence, second.Ack);
        Assert.True(second.World.IndexOf(original.PlayerId) >= 0);
    }

    private static void AssertSameWorld(WorldState v1, WorldState v2)
    {
        Assert.Equal((v1.Tick, v1.Phase, v1.PhaseTicksLeft), (v2.Tick, v2.Phase, v2.PhaseTicksLeft));
        Assert.Equal(v1.Entities.Length, v2.Entities.Length);
        for (int i = 0; i < v1.Entities.Length; i++)
        {
            // v2 acknowledges inputs per player, outside the entities.
            EntityState expected = v1.Entities[i];
            expected.LastInputSequence = 0;
            Assert.Equal(expected, v2.Entities[i]);
        }
    }

    private static byte[] MalformedInput(string attack)
    {
        var buffer = new ArrayBufferWriter<byte>();
        switch (attack)
        {
            case "missing value":
                FrameWriter.WriteInput(buffer, 1, 0, 0, [1, 1, 0]);
                break;
            case "out of range":
                FrameWriter.WriteInput(buffer, 1, 0, 0, [200, 0, 0, 0]);
                break;
            default:
                var writer = new MessagePackWriter(buffer);
                writer.WriteArrayHeader(8);
                writer.Write((byte)MessageType.Input);
                writer.Write(1u);
                writer.Write(0u);
                writer.Write(0u);
                writer.Write(0);
                writer.Write(0);
                writer.Write(1.5);
                writer.Write(0);
                writer.Flush();
                break;
        }

        return buffer.WrittenSpan.ToArray();
    }

    public sealed class Lean() : ProtocolV2Tests(GameTransport.Lean);

    public sealed class Kestrel() : ProtocolV2Tests(GameTransport.Kestrel);
}
