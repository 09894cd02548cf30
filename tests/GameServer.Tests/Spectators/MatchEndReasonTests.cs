using GameServer.Admission;
using GameServer.Matches;
using GameServer.Simulation;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Matches;
using GameServer.Tests.Seams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GameServer.Tests.Spectators;

/// <summary>Every match that goes tells the feed why, in <c>match.ended</c>'s <c>reason</c>, before <c>match.removed</c>.</summary>
public sealed class MatchEndReasonTests
{
    [Fact]
    public async Task MatchEnded_MatchRanItsCourse_IsFinishedWithItsWinner()
    {
        ArenaRules rules = ShortMatches.Rules(runningTicks: 15, endedTicks: 5);
        await using TestServer server = await TestServer.StartAsync(
            configure: builder => builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules)));
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");

        SseMessage ended = await feed.NextEventAsync("match.ended");

        Assert.Equal("finished", ended.Json.GetProperty("reason").GetString());
        Assert.Equal(ada.Welcome.PlayerId, ended.Json.GetProperty("winnerId").GetUInt32());
        Assert.Equal(ada.Welcome.MatchId, (await feed.NextEventAsync("match.removed")).Json.GetProperty("matchId").GetUInt32());
    }

    [Fact]
    public async Task MatchEnded_MatchFailedOnTheServer_IsFailedWithNoWinner()
    {
        await using TestServer server = await TestServer.StartAsync(
            configure: builder => builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new FaultyArena(id, seed)));
        await using SseClient feed = await SseClient.OpenAsync(server, "/events");
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer trigger = await TestPlayer.ConnectAsync(server);

        await trigger.SendJoinAsync(FaultyArena.Trigger, ada.Welcome.MatchId);

        SseMessage ended = await feed.NextEventAsync("match.ended");
        Assert.Equal("failed", ended.Json.GetProperty("reason").GetString());
        Assert.Equal(0u, ended.Json.GetProperty("winnerId").GetUInt32());
        Assert.Contains(ended.Json.GetProperty("players").EnumerateArray(), p => p.GetProperty("name").GetString() == "Ada");
        Assert.Equal(ada.Welcome.MatchId, (await feed.NextEventAsync("match.removed")).Json.GetProperty("matchId").GetUInt32());
    }

    [Fact]
    public async Task EndAllAsync_NodeStopping_EndsEveryMatchAsShutdownAndRefusesNewPlayers()
    {
        await using TestServer server = await SpectatorTestServers.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        var log = server.GetService<InMemoryMatchEventLog>();
        long before = log.LastId;

        server.GetService<IHostApplicationLifetime>().StopApplication();
        await server.GetService<LocalMatches>().EndAllAsync(MatchEndReason.Shutdown, CancellationToken.None);

        Assert.Empty(server.GetService<LocalMatches>().Matches);
        Assert.Contains("stopping", server.GetService<IPlayerAdmission>().RefusalReason, StringComparison.Ordinal);
        FeedEntry[] after = [];
        await Eventually.TrueAsync(async () =>
        {
            var buffer = new FeedEntry[64];
            FeedRead read = await log.ReadAsync(before + 1, buffer);
            after = buffer[..read.Count];
            return after.Any(e => e.IsRemoval);
        });
        FeedEntry ended = Assert.Single(after, e => e.EventName == "match.ended");
        Assert.Contains("\"reason\":\"shutdown\"", System.Text.Encoding.UTF8.GetString(ended.Data), StringComparison.Ordinal);
        Assert.True(Array.IndexOf(after, ended) < Array.FindIndex(after, e => e.IsRemoval));
    }
}
