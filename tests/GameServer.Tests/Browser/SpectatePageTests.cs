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
}
