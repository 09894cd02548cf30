using System.Net.Http.Json;
using GameServer.Matches;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Tag;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Replays;

/// <summary>A test server that records its matches with the rules it plays by, and waits on GET /replays.</summary>
internal static class ReplayServer
{
    /// <param name="tag">Tag's rules, when a test plays Tag; the server's otherwise.</param>
    public static Task<TestServer> StartAsync(ArenaRules rules, IDictionary<string, string?>? settings = null, TagRules? tag = null) =>
        TestServer.StartAsync(settings, builder =>
        {
            // The rules as a service too: the recorder writes the registered rules into each replay.
            builder.Services.AddSingleton(rules);
            builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules));
            if (tag is not null)
            {
                builder.Services.AddSingleton(tag);
            }
        });

    /// <summary>Rules under which a match runs out by itself within about a second.</summary>
    public static ArenaRules ShortRules(int runningTicks = 30) => ShortMatches.Rules(runningTicks, endedTicks: 5);

    /// <summary>Polls GET /replays until the match's replay is listed.</summary>
    public static async Task<ReplayEntry> WaitForReplayAsync(HttpClient client, uint matchId)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience * 2);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (true)
        {
            List<ReplayEntry>? replays = await client.GetFromJsonAsync<List<ReplayEntry>>("/replays", timeout.Token);
            if (replays!.Find(r => r.MatchId == matchId) is ReplayEntry entry)
            {
                return entry;
            }

            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>Plays one short match to its end with one player and returns its listed replay.</summary>
    public static async Task<ReplayEntry> PlayOneAsync(TestServer server, HttpClient client, string name = "Ada")
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(server, name);
        await player.SendInputAsync(100, 20);
        return await WaitForReplayAsync(client, player.Welcome.MatchId);
    }
}
