using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using GameServer.Protocol;
using GameServer.Security;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Security;

/// <summary>With tickets required, only a valid, unexpired, unused ticket opens the WebSocket; its name is the player's.</summary>
public sealed class TicketTests : IAsyncLifetime
{
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Tickets:Required"] = "true",
        ["Tickets:Secret"] = Convert.ToBase64String(s_key),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Upgrade_WithAValidTicket_JoinsUnderTheTicketsName()
    {
        string ticket = Issue("Ticketed", TimeSpan.FromMinutes(5));

        await using TestPlayer player = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + ticket);
        await player.SendJoinAsync("Ignored");
        await player.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal("Ticketed", player.World.Get(player.Welcome.PlayerId).Name);
    }

    [Fact]
    public async Task Upgrade_WithoutATicket_IsRefusedWith401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusalAsync(string.Empty));
    }

    [Fact]
    public async Task Upgrade_WithAForgedTicket_IsRefusedWith403()
    {
        string forged = TicketCodec.Sign(new JoinTicket("p", "Mallory", null, Later(), "n1"), RandomNumberGenerator.GetBytes(32));
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync("?ticket=" + forged));
    }

    [Fact]
    public async Task Upgrade_WithAnExpiredTicket_IsRefusedWith403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync("?ticket=" + Issue("Late", TimeSpan.FromSeconds(-1))));
    }

    [Fact]
    public async Task Upgrade_WithAReusedTicket_IsRefusedWith403()
    {
        string ticket = Issue("Once", TimeSpan.FromMinutes(5));
        await using TestPlayer first = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + ticket);

        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync("?ticket=" + ticket));
    }

    [Theory]
    [InlineData("not-a-ticket")]
    [InlineData(".")]
    [InlineData("e30.AAAA")]
    [InlineData("!!!.???")]
    public async Task Upgrade_WithGarbage_IsRefusedWith403(string garbage)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await RefusalAsync("?ticket=" + Uri.EscapeDataString(garbage)));
    }

    [Fact]
    public async Task Resume_WithAnotherPlayersToken_IsRejected_AndTheSeatStaysWithItsOwner()
    {
        await using TestPlayer owner = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + Issue("Owner", TimeSpan.FromMinutes(5)));
        await owner.SendJoinAsync("Owner");
        await owner.ExpectWelcomeAndSnapshotAsync();

        await using TestPlayer thief = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + Issue("Thief", TimeSpan.FromMinutes(5)));
        await thief.SendJoinAsync("Thief", resume: owner.Welcome.Resume);

        Assert.Equal(ErrorCode.ResumeRejected, (await thief.NextAsync(MessageType.Error)).Error.Code);
        uint tick = owner.World.Tick;
        await owner.WaitForWorldAsync(w => w.Tick >= tick + 5);
        Assert.Equal(WebSocketState.Open, owner.Socket.State);
    }

    [Fact]
    public async Task Resume_WithTheSamePlayersNextTicket_KeepsTheSeat()
    {
        await using TestPlayer first = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + Issue("Same", TimeSpan.FromMinutes(5)));
        await first.SendJoinAsync("Same");
        await first.ExpectWelcomeAndSnapshotAsync();

        await using TestPlayer again = await TestPlayer.ConnectAsync(_server, query: "?ticket=" + Issue("Same", TimeSpan.FromMinutes(5)));
        await again.SendJoinAsync("Same", resume: first.Welcome.Resume);
        await again.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(first.Welcome.PlayerId, again.Welcome.PlayerId);
    }

    private static string Issue(string name, TimeSpan lifetime) => TicketCodec.Sign(
        new JoinTicket("player-" + name, name, null, DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds(), Guid.NewGuid().ToString("N")), s_key);

    private static long Later() => DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();

    private async Task<HttpStatusCode> RefusalAsync(string query)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(_server.WebSocketUri + query), CancellationToken.None));
        return socket.HttpStatusCode;
    }
}
