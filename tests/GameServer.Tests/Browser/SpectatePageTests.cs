using System.Net.Http.Json;
using System.Text.Json;
using GameServer.LoadTest;
using GameServer.Simulation.Tag;
using GameServer.Tests.Seams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>The scoreboard page reads the SSE feed (GET /events): these tests need it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SpectatePageTests
{
    private readonly BrowserFixture _browser;

    public SpectatePageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task SpectatePage_BotsPlay_ShowsTheMatchAndItsScores()
    {
        // Ten times the orbs: with 24, two wandering bots took from 2 to 37 s to touch their first (measured against
        // the server's own standings, which the page showed within a fraction of a second every time).
        await using TestServer server = await LivelyArena.StartAsync(maxPickups: 240);
        await using Bot ada = await Bot.JoinAsync(server, "Ada");
        await using Bot bob = await Bot.JoinAsync(server, "Bob", ada.Player.Welcome.MatchId);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.HttpBase, "/spectate").ToString());

        ILocator match = page.Locator($"article.match[data-match-id='{ada.Player.Welcome.MatchId}']");
        await Assertions.Expect(page.Locator("body[data-feed='live']")).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator("tr[data-player='Ada']")).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator("tr[data-player='Bob']")).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator(".phase")).ToContainTextAsync("running");
        // Arena's words: a shooter's scoreboard counts kills.
        await Assertions.Expect(match.Locator("th").Nth(2)).ToHaveTextAsync("Kills");
        await Assertions.Expect(page.Locator("#feed-title")).ToContainTextAsync("Kill feed");
        // Score orbs rain in the lively arena: the feed's standings show a score above 0 within seconds.
        await page.WaitForFunctionAsync(
            "() => Array.from(document.querySelectorAll('article.match td.score')).some(td => Number(td.textContent) > 0)",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("spectate.png") });
        Assert.Empty(errors);
    }

    [Fact(Timeout = 90_000)]
    public async Task SpectatePage_ServerRestarts_ReconnectsByItself()
    {
        TestServer first = await LivelyArena.StartAsync();
        int port = first.Port();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await using (Bot ada = await Bot.JoinAsync(first, "Ada"))
        {
            await page.GotoAsync(new Uri(first.HttpBase, "/spectate").ToString());
            await Assertions.Expect(page.Locator("tr[data-player='Ada']")).ToHaveCountAsync(1);
        }

        await first.DisposeAsync();
        await Assertions.Expect(page.Locator("body[data-feed='live']")).ToHaveCountAsync(0);

        // The same address, a new server: the page is not reloaded, its EventSource finds the new feed by itself.
        await using TestServer second = await LivelyArena.StartAsync(port);
        await using Bot grace = await Bot.JoinAsync(second, "Grace");

        await Assertions.Expect(page.Locator("body[data-feed='live']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-player='Grace']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-player='Ada']")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 90_000)]
    public async Task SpectatePage_TagMatch_SpeaksOfTagsNotKills()
    {
        await using TestServer server = await StartQuickTagAsync();
        using var swarmEnds = new CancellationTokenSource();
        Swarm swarm = TagBots.For(server);
        Task swarming = swarm.RunAsync(swarmEnds.Token);
        try
        {
            // The page opens on a listed match, so it knows the match's game before its first tag arrives.
            using HttpClient http = server.CreateHttpClient();
            await Eventually.TrueAsync(async () =>
                (await http.GetFromJsonAsync<JsonElement>("/matches")).EnumerateArray().Any(m => m.GetProperty("game").GetString() == TagSchema.GameName));
            (IPage page, List<string> errors) = await _browser.NewPageAsync();

            await page.GotoAsync(new Uri(server.HttpBase, "/spectate").ToString());

            ILocator feed = page.Locator("#feed li");
            await Assertions.Expect(page.Locator("article.match.selected .game")).ToHaveTextAsync(TagSchema.GameName);
            await Assertions.Expect(feed.Filter(new() { HasText = "tagged" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(feed.Filter(new() { HasText = "killed" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("article.match.selected th").Nth(2)).ToHaveTextAsync("Tags");
            await Assertions.Expect(page.Locator("#feed-title")).ToContainTextAsync("Tag feed");
            Assert.Empty(errors);
        }
        finally
        {
            await swarmEnds.CancelAsync();
            await swarming.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// A server whose Tag matches tag often: players as large as the field allows (reach 350 of its 1000 × 700 world
    /// units), a short countdown and short immunity, so two wandering bots tag within seconds.
    /// </summary>
    private static Task<TestServer> StartQuickTagAsync() =>
        TestServer.StartAsync(configure: builder =>
        {
            TagRules rules = TagRules.ForTickRate(TagRules.DefaultTickRate);
            rules.MinPlayersToStart = 2;
            rules.CountdownTicks = 15;
            rules.ImmunityTicks = 15;
            rules.PlayerRadius = TagRules.Height / 4;
            rules.Validate();
            builder.Services.AddSingleton(rules);
        });
}
