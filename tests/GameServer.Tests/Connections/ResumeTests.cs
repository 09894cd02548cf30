using System.Net.WebSockets;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;

namespace GameServer.Tests.Connections;

/// <summary>Resuming a dropped player, on both transports.</summary>
public abstract class ResumeTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:ResumeGracePeriod"] = "00:00:01",
        ["Gateway:Transport"] = transport.ToString(),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Resume_WithinTheGracePeriod_KeepsThePlayerWithAFreshSnapshotAndToken()
    {
        TestPlayer first = await TestPlayer.JoinAsync(_server, "Ada");
        uint sequence = await first.SendInputAsync(127, 0);
        await first.WaitForWorldAsync(w => w.Get(first.Welcome.PlayerId).LastInputSequence == sequence);
        WelcomeMessage original = first.Welcome;
        first.Socket.Abort();
        await first.DisposeAsync();

        await using TestPlayer second = await TestPlayer.ConnectAsync(_server);
        await second.SendJoinAsync("Ada", resume: original.Resume);
        await second.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(original.PlayerId, second.Welcome.PlayerId);
        Assert.Equal(original.MatchId, second.Welcome.MatchId);
        Assert.NotEqual(original.Resume, second.Welcome.Resume);
        Assert.Equal(sequence, second.World.Get(original.PlayerId).LastInputSequence);
    }

    [Fact]
    public async Task Resume_WhileTheOldConnectionIsOpen_TakesTheSeatOver_AndClosesTheOldOneWith4001()
    {
        await using TestPlayer first = await TestPlayer.JoinAsync(_server, "Twice");

        await using TestPlayer second = await TestPlayer.ConnectAsync(_server);
        await second.SendJoinAsync("Twice", resume: first.Welcome.Resume);
        await second.ExpectWelcomeAndSnapshotAsync();

        Assert.Equal(first.Welcome.PlayerId, second.Welcome.PlayerId);
        Assert.Equal((WebSocketCloseStatus)4001, await first.WaitForCloseAsync());
    }

    [Fact]
    public async Task Resume_WithAUsedToken_IsRejected()
    {
        TestPlayer first = await TestPlayer.JoinAsync(_server, "Ada");
        ResumeToken token = first.Welcome.Resume;
        first.Socket.Abort();
        await first.DisposeAsync();
        await using TestPlayer second = await TestPlayer.ConnectAsync(_server);
        await second.SendJoinAsync("Ada", resume: token);
        await second.ExpectWelcomeAndSnapshotAsync();

        await using TestPlayer third = await TestPlayer.ConnectAsync(_server);
        await third.SendJoinAsync("Ada", resume: token);

        Assert.Equal(ErrorCode.ResumeRejected, (await third.NextAsync(MessageType.Error)).Error.Code);
    }

    [Fact]
    public async Task Resume_AfterTheGracePeriod_IsRejectedAndThePlayerHasLeft()
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Bob");
        TestPlayer first = await TestPlayer.JoinAsync(_server, "Ada", bystander.Welcome.MatchId);
        WelcomeMessage original = first.Welcome;
        await bystander.WaitForWorldAsync(w => w.IndexOf(original.PlayerId) >= 0);
        first.Socket.Abort();
        await first.DisposeAsync();

        await bystander.WaitForWorldAsync(w => w.IndexOf(original.PlayerId) < 0);
        using HttpClient http = _server.CreateHttpClient();
        JsonElement match = await http.GetFromJsonAsync<JsonElement>($"/matches/{original.MatchId}");
        Assert.DoesNotContain(match.GetProperty("players").EnumerateArray(), p => p.GetProperty("id").GetUInt32() == original.PlayerId);

        await using TestPlayer late = await TestPlayer.ConnectAsync(_server);
        await late.SendJoinAsync("Ada", resume: original.Resume);
        Assert.Equal(ErrorCode.ResumeRejected, (await late.NextAsync(MessageType.Error)).Error.Code);
    }

    public sealed class Lean() : ResumeTests(GameTransport.Lean);

    public sealed class Kestrel() : ResumeTests(GameTransport.Kestrel);
}
