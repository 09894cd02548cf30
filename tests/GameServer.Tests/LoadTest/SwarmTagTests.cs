using System.Net.Http.Json;
using System.Text.Json;
using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;

namespace GameServer.Tests.LoadTest;

/// <summary>
/// The swarm playing Tag (<c>--game tag</c>) against the real server: the bots are welcomed into Tag, follow its deltas
/// on its schema, and their play makes tags happen, as the server's own scoreboard (GET /matches) shows.
/// </summary>
public sealed class SwarmTagTests
{
    private const int Bots = 4;

    [Fact]
    public async Task RunAsync_GameTag_BotsPlayTagWithoutErrorsAndSomeoneIsTagged()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:MinPlayersToStart"] = "2" });
        var options = new SwarmOptions
        {
            Url = server.WebSocketUri,
            Game = "tag",
            Bots = Bots,
            Duration = TimeSpan.FromSeconds(20),
            Ramp = TimeSpan.FromSeconds(0.5),
        };
        using HttpClient http = server.CreateHttpClient();

        // Watched while the swarm runs, until a tag or the run's end: a countdown of 3 s, then a chase.
        using var runEnds = new CancellationTokenSource(options.Duration);
        Task<bool> tagged = WatchForATagAsync(http, runEnds.Token);
        SwarmReport report = await new Swarm(options).RunAsync();

        string json = ReportWriter.ToJson(report);
        Assert.True(report.Passed, "The swarm failed: " + json);
        Assert.Equal("tag", report.Game);
        Assert.Equal(["tag"], report.WelcomesByGame.Keys);
        Assert.True(report.DeltasPerSecondPerBot.Min > 0, "A bot got no deltas: " + json);
        Assert.True(report.StateLagMs.Count > 0, "No Tag input was acknowledged: " + json);
        Assert.True(await tagged, "No Tag match reached Running with a tag made while the swarm played: " + json);
    }

    private static async Task<bool> WatchForATagAsync(HttpClient http, CancellationToken runEnds)
    {
        while (!runEnds.IsCancellationRequested)
        {
            JsonElement matches = await http.GetFromJsonAsync<JsonElement>("/matches", CancellationToken.None);
            if (matches.EnumerateArray().Any(IsRunningTagWithATag))
            {
                return true;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    private static bool IsRunningTagWithATag(JsonElement match) =>
        match.GetProperty("game").GetString() == "tag"
        && match.GetProperty("phase").GetString() == "running"
        && match.GetProperty("players").EnumerateArray().Any(player => player.GetProperty("kills").GetInt32() > 0);
}
