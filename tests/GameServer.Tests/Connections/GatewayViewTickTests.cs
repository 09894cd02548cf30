using System.Buffers.Binary;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Connections;

/// <summary>Input's optional view tick (protocol.md, "Lag compensation") on a real server: read when there, its type enforced.</summary>
public sealed class GatewayViewTickTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Input_WithViewTick_IsApplied()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        uint id = player.Welcome.PlayerId;
        uint tick = player.World.Tick;

        await player.SendAsync(w => ArenaFrameWriter.WriteInput(w, new InputMessage(1, tick, 127, 0, 0, Buttons.Fire, tick)));

        WorldState world = await player.WaitForWorldAsync(w => w.Get(id).LastInputSequence == 1);
        Assert.Equal(1u, world.Get(id).LastInputSequence);
    }

    [Fact]
    public async Task Input_WithAnElementAfterTheViewTick_IsAppliedAndTheExtraIgnored()
    {
        // protocol.md, Reading rules: extra trailing elements are ignored, so a later minor version may append fields.
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        uint id = player.Welcome.PlayerId;
        byte[] frame = [0x99, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xce, 0, 0, 0, 0, 0xa1, 0x78];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(9, 4), player.World.Tick);

        await player.SendRawAsync(frame);

        await player.WaitForWorldAsync(w => w.Get(id).LastInputSequence == 1);
        Assert.Equal(WebSocketState.Open, player.Socket.State);
    }

    [Theory]
    [InlineData("a string", "9802010000000000a161")]
    [InlineData("negative", "9802010000000000ff")]
    [InlineData("above uint32", "9802010000000000cf0000000100000000")]
    public async Task Input_WithAViewTickNotAUInt32_ClosesWith1007(string description, string hex)
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Mallory");

        await player.SendRawAsync(Convert.FromHexString(hex));

        Assert.True(WebSocketCloseStatus.InvalidPayloadData == await player.WaitForCloseAsync(), description);
    }
}
