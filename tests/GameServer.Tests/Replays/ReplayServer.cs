using System.Net.Http.Json;
using GameServer.Matches;
using GameServer.Protocol;
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

    /// <summary>Inputs each player of <see cref="PlayTagAsync"/> sends: the last moves up by this much (Ada) and down (Bob).</summary>
    public const int TagInputs = 40;

    /// <summary>Tag's rules for a match of about two seconds that two players start.</summary>
    public static TagRules ShortTag()
    {
        TagRules rules = TagRules.ForTickRate(30);
        rules.MinPlayersToStart = 2;
        rules.CountdownTicks = 3;
        rules.TimeLimitTicks = 60;
        rules.EndedTicks = 5;
        return rules;
    }

    /// <summary>Plays a Tag match of <see cref="ShortTag"/> with two v2 players, each sending an input per tick, and returns its listed replay.</summary>
    public static async Task<ReplayEntry> PlayTagAsync(TestServer server, HttpClient client)
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob", version: ProtocolConstants.Version2, game: TagSchema.GameName);
        Assert.Equal(ada.Welcome.MatchId, bob.Welcome.MatchId);
        for (int sequence = 1; sequence <= TagInputs; sequence++)
        {
            await ada.NextAsync(MessageType.Delta);
            await SendTagInputAsync(ada, (uint)sequence, moveX: 100, moveY: -sequence);
            await SendTagInputAsync(bob, (uint)sequence, moveX: -100, moveY: sequence);
        }

        // Kept in until the match has run out and its replay is listed.
        return await WaitForReplayAsync(client, ada.Welcome.MatchId);
    }

    private static Task SendTagInputAsync(TestPlayer player, uint sequence, int moveX, int moveY) =>
        player.SendAsync(w => FrameWriter.WriteInput(w, sequence, player.Ack, 0, [moveX, moveY]));

    /// <summary>Polls GET /replays until the match's replay is listed.</summary>
    public static Task<ReplayEntry> WaitForReplayAsync(HttpClient client, uint matchId) =>
        WaitForReplayAsync(client, r => r.MatchId == matchId);

    /// <summary>Polls GET /replays until a replay that <paramref name="wanted"/> accepts is listed.</summary>
    public static async Task<ReplayEntry> WaitForReplayAsync(HttpClient client, Predicate<ReplayEntry> wanted)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience * 2);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (true)
        {
            List<ReplayEntry>? replays = await client.GetFromJsonAsync<List<ReplayEntry>>("/replays", timeout.Token);
            if (replays!.Find(wanted) is ReplayEntry entry)
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
