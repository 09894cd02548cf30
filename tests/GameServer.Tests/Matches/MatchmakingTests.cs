using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Matches;

public sealed class MatchmakingTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["Matchmaking:Capacity"] = "2",
            ["Matchmaking:EmptyMatchTimeout"] = "00:00:00.200",
        },
        builder => builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new FaultyArena(id, seed)));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task QuickJoin_FillsTheFullestOpenMatchBeforeOpeningAnother()
    {
        await using TestPlayer a = await TestPlayer.JoinAsync(_server, "A");
        await using TestPlayer b = await TestPlayer.JoinAsync(_server, "B");
        await using TestPlayer c = await TestPlayer.JoinAsync(_server, "C");
        await using TestPlayer d = await TestPlayer.JoinAsync(_server, "D");

        Assert.Equal(a.Welcome.MatchId, b.Welcome.MatchId);
        Assert.NotEqual(a.Welcome.MatchId, c.Welcome.MatchId);
        Assert.Equal(c.Welcome.MatchId, d.Welcome.MatchId);
    }

    [Fact]
    public async Task JoinById_FullMatch_IsAnsweredWithMatchFull()
    {
        await using TestPlayer a = await TestPlayer.JoinAsync(_server, "A");
        await using TestPlayer b = await TestPlayer.JoinAsync(_server, "B", a.Welcome.MatchId);
        await using TestPlayer c = await TestPlayer.ConnectAsync(_server);

        await c.SendJoinAsync("C", a.Welcome.MatchId);

        Assert.Equal(ErrorCode.MatchFull, (await c.NextAsync(MessageType.Error)).Error.Code);
    }

    [Fact]
    public async Task EmptyMatch_IsRemovedAfterTheTimeout()
    {
        TestPlayer a = await TestPlayer.JoinAsync(_server, "A");
        uint matchId = a.Welcome.MatchId;
        await a.SendLeaveAsync();
        await a.WaitForCloseAsync();
        await a.DisposeAsync();

        var local = _server.GetService<LocalMatches>();
        await Until(() => local.WasRemoved(matchId));

        using HttpClient http = _server.CreateHttpClient();
        using HttpResponseMessage response = await http.GetAsync($"/matches/{matchId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        JsonElement matches = await http.GetFromJsonAsync<JsonElement>("/matches");
        Assert.DoesNotContain(matches.EnumerateArray(), m => m.GetProperty("id").GetUInt32() == matchId);
    }

    [Fact]
    public async Task FailingMatch_TellsItsPlayersAndLeavesOtherMatchesTicking()
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Calm");
        await using TestPlayer partner = await TestPlayer.JoinAsync(_server, "Calm2", bystander.Welcome.MatchId);
        await using TestPlayer victim = await TestPlayer.JoinAsync(_server, "Victim");
        Assert.NotEqual(bystander.Welcome.MatchId, victim.Welcome.MatchId);

        await using TestPlayer trigger = await TestPlayer.ConnectAsync(_server);
        await trigger.SendJoinAsync(FaultyArena.Trigger, victim.Welcome.MatchId);

        Assert.Equal(ErrorCode.MatchFailed, (await victim.NextAsync(MessageType.Error)).Error.Code);
        Assert.Equal(ErrorCode.MatchFailed, (await trigger.NextAsync(MessageType.Error)).Error.Code);
        Assert.True(_server.GetService<LocalMatches>().WasRemoved(victim.Welcome.MatchId));

        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 10);

        // Back in the lobby, the failed match's player can join another.
        uint failed = victim.Welcome.MatchId;
        await victim.SendJoinAsync("Victim");
        await victim.ExpectWelcomeAndSnapshotAsync();
        Assert.NotEqual(failed, victim.Welcome.MatchId);
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
