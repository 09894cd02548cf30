using System.Net;
using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;
using MessagePack;

namespace GameServer.Tests.Connections;

/// <summary>The /ws gateway end to end on each transport: real Kestrel, real ClientWebSocket clients.</summary>
public abstract class GatewayTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:Transport"] = transport.ToString(),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Join_QuickJoin_GetsWelcomeThenSnapshotThenDeltasTickAfterTick()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);
        await player.SendJoinAsync("Ada");

        ServerMessage welcome = await player.NextAsync(MessageType.Welcome);
        Assert.Equal(ProtocolConstants.Version, welcome.Welcome.Version);
        Assert.Equal(30, welcome.Welcome.TickRate);
        Assert.False(welcome.Welcome.Resume.IsNone);

        ServerMessage snapshot = await player.NextAsync(MessageType.Snapshot);
        Assert.Equal(welcome.Welcome.Tick, snapshot.Tick);
        EntityState self = player.World.Get(welcome.Welcome.PlayerId);
        Assert.Equal("Ada", self.Name);

        uint previous = snapshot.Tick;
        for (int i = 0; i < 30; i++)
        {
            ServerMessage delta = await player.NextAsync(MessageType.Delta);
            Assert.Equal(previous, delta.BaseTick);
            Assert.Equal(previous + 1, delta.Tick);
            previous = delta.Tick;
        }
    }

    [Fact]
    public async Task Input_MovingRight_IsAppliedWithItsSequenceAcknowledged()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        uint id = player.Welcome.PlayerId;
        int startX = player.World.Get(id).X;

        uint sequence = await player.SendInputAsync(moveX: 127, moveY: 0);

        WorldState world = await player.WaitForWorldAsync(w => w.Get(id).LastInputSequence == sequence);
        await player.WaitForWorldAsync(w => w.Get(id).X > startX);
        Assert.Equal(sequence, world.Get(id).LastInputSequence);
    }

    [Fact]
    public async Task LongInput_NearTheSizeLimit_IsReadWhole_AndShortOnesAfterIt()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        uint id = player.Welcome.PlayerId;

        // Trailing elements are ignored (protocol.md, "Reading rules"): an input padded to 1000 bytes is still an input,
        // and longer than the socket's small read buffer, so it is read through the large one.
        byte[] padded = MessagePackSerializer.Serialize(new object[] { 2, 1u, 0u, 127, 0, 0, 0, 0u, new byte[960] });
        Assert.InRange(padded.Length, 900, ProtocolConstants.MaxClientMessageBytes);
        await player.SendRawAsync(padded);
        await player.WaitForWorldAsync(w => w.Get(id).LastInputSequence == 1);

        await player.SendPingAsync(7);
        Assert.Equal(7u, (await player.NextAsync(MessageType.Pong)).Pong.ClientTime);
    }

    [Fact]
    public async Task TwoPlayers_InOneMatch_SeeEachOtherMove()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob", ada.Welcome.MatchId);
        Assert.Equal(ada.Welcome.MatchId, bob.Welcome.MatchId);
        uint adaId = ada.Welcome.PlayerId;
        await bob.WaitForWorldAsync(w => w.IndexOf(adaId) >= 0);
        int adaY = bob.World.Get(adaId).Y;

        await ada.SendInputAsync(moveX: 0, moveY: 127);

        await bob.WaitForWorldAsync(w => w.Get(adaId).Y > adaY);
        await ada.WaitForWorldAsync(w => w.IndexOf(bob.Welcome.PlayerId) >= 0);
    }

    [Fact]
    public async Task Ping_IsAnsweredWithTheClientTimeEchoed()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");

        await player.SendPingAsync(0xDEADBEEF);

        ServerMessage pong = await player.NextAsync(MessageType.Pong);
        Assert.Equal(0xDEADBEEFu, pong.Pong.ClientTime);
        Assert.True(pong.Pong.ServerTick >= player.Welcome.Tick);
    }

    [Fact]
    public async Task Leave_RemovesThePlayerAndClosesNormally()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(_server, "Bob", ada.Welcome.MatchId);
        uint bobId = bob.Welcome.PlayerId;
        await ada.WaitForWorldAsync(w => w.IndexOf(bobId) >= 0);

        await bob.SendLeaveAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await bob.WaitForCloseAsync());
        await ada.WaitForWorldAsync(w => w.IndexOf(bobId) < 0);
        ServerMessage left = await ada.NextAsync(MessageType.Event);
        while (left.Event.Kind != GameEventKind.PlayerLeft)
        {
            left = await ada.NextAsync(MessageType.Event);
        }

        Assert.Equal(bobId, left.Event.Subject);
    }

    [Fact]
    public async Task Handshake_WithoutTheSubprotocol_IsRefusedWith400()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(_server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Handshake_WithTheSubprotocol_SelectsIt()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);
        Assert.Equal(ProtocolConstants.SubProtocol, player.Socket.SubProtocol);
    }

    [Fact]
    public async Task Join_UnknownMatch_IsAnsweredWithMatchNotFound()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);

        await player.SendJoinAsync("Ada", matchId: 424242);

        ServerMessage error = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.MatchNotFound, error.Error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a name far too long for this")]
    [InlineData("bad\nname")]
    [InlineData("nul\0")]
    [InlineData("line\u2028break")]
    [InlineData("\u3000\u00a0")]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀")]
    [InlineData("aaaaaaaaaaaaaaaaa")]
    public async Task Join_InvalidName_IsAnsweredWithInvalidName(string name)
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);

        await player.SendJoinAsync(name);

        ServerMessage error = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.InvalidName, error.Error.Code);
    }

    // Characters are code points: nine emoji are 18 UTF-16 units but 9 characters (36 bytes); 16 euro signs are 48 bytes.
    [Theory]
    [InlineData("😀😀😀😀😀😀😀😀😀")]
    [InlineData("€€€€€€€€€€€€€€€€")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task Join_NameAtTheLimits_IsAccepted(string name)
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, name);

        Assert.Equal(name, player.World.Get(player.Welcome.PlayerId).Name);
    }

    [Fact]
    public async Task SecondJoin_IsAnsweredWithInvalidStateAndTheGameGoesOn()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");

        await player.SendJoinAsync("Ada");

        ServerMessage error = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.InvalidState, error.Error.Code);
        await player.NextAsync(MessageType.Delta);
    }

    [Fact]
    public async Task UnknownMessageType_IsAnsweredWithAnErrorAndIgnored()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");

        await player.SendRawAsync([0x92, 0x7f, 0x01]);

        ServerMessage error = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.UnknownMessageType, error.Error.Code);
        await player.NextAsync(MessageType.Delta);
    }

    public sealed class Lean() : GatewayTests(GameTransport.Lean);

    public sealed class Kestrel() : GatewayTests(GameTransport.Kestrel);
}
