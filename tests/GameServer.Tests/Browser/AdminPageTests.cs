using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Seams;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>The operator's console (/admin) on a server with a token, while bots play: what it shows and what its buttons do to the real connections.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests
{
    private const string Token = "admin-page-test-token-0123456789";
    private static readonly Dictionary<string, string?> s_consoleOn = new() { ["Admin:Token"] = Token };

    private readonly BrowserFixture _browser;

    public AdminPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 150_000)]
    public async Task AdminPage_SignedInWhileBotsPlay_PlotsMoveAndTheMatchListsItsPlayers()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        await using Bot ada = await Bot.JoinAsync(server, "Ada");
        await using Bot bob = await Bot.JoinAsync(server, "Bob", ada.Player.Welcome.MatchId);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(server.HttpBase, "/admin").ToString());
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await SignInAsync(page, Token);

        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => window.adminState.plots.load?.players >= 2 && window.adminState.plots.bandwidth?.in > 0");
        int samples = await page.EvaluateAsync<int>("() => window.adminState.samples");
        // One a second: the plots move on (and the docs' screenshot waits for a minute of them).
        int enough = Screenshots.Refreshing ? Math.Max(samples + 1, 60) : samples + 1;
        await page.WaitForFunctionAsync($"() => window.adminState.samples >= {enough}", null, new() { Timeout = 90_000 });

        ILocator match = page.Locator($"tr.match[data-match-id='{ada.Player.Welcome.MatchId}']");
        await Assertions.Expect(match).ToHaveCountAsync(1);
        await Assertions.Expect(match.Locator("td").Nth(1)).ToHaveTextAsync("arena");
        await match.ClickAsync();
        ILocator players = page.Locator($"tr.players[data-match-id='{ada.Player.Welcome.MatchId}']");
        await Assertions.Expect(players.Locator("tr[data-player='Ada']")).ToHaveCountAsync(1);
        await Assertions.Expect(players.Locator("tr[data-player='Bob']")).ToHaveCountAsync(1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("admin.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminPage_WrongToken_AsksForTheTokenAgain()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/admin").ToString());

        await SignInAsync(page, "not-the-token-0123456789");

        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("refused");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('gameserver.admin.token')"));

        // The right one then opens the console, and a reload keeps it open: the tab remembers the token.
        await SignInAsync(page, Token);
        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#login")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminPage_TooManyWrongTokens_SaysHowLongToWait()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/admin").ToString());

        // More than 5 failures within a minute: the next try is refused with 429, which the form explains.
        for (int attempt = 1; attempt <= 7; attempt++)
        {
            await SignInAsync(page, $"not-the-token-{attempt:D10}");
            await Assertions.Expect(page.Locator("#login-error")).Not.ToBeEmptyAsync();
            if (attempt <= 6)
            {
                await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("refused");
                await page.EvaluateAsync("() => { document.getElementById('login-error').textContent = ''; }");
            }
        }

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync(new Regex("try again in [0-9]+ s"));
        Assert.Empty(errors);
    }

    [Fact(Timeout = 90_000)]
    public async Task AdminPage_ServerRestarts_ReconnectsWithTheSameToken()
    {
        TestServer first = await LivelyArena.StartAsync(settings: s_consoleOn);
        int port = first.Port();
        (IPage page, List<string> errors) = await OpenConsoleAsync(first);

        await first.DisposeAsync();
        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(0);

        // Down for longer than one retry: a reconnect finds nobody (it once gave up for good there, and a restart that
        // took over a second left the console dead).
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("cannot be reached", new() { Timeout = 15_000 });

        // The same address, a new server: the page, not reloaded, opens the stream again and shows the new node.
        await using TestServer second = await LivelyArena.StartAsync(port, s_consoleOn);
        await using Bot grace = await Bot.JoinAsync(second, "Grace");
        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(1, new() { Timeout = 45_000 });
        await Assertions.Expect(page.Locator($"tr.match[data-match-id='{grace.Player.Welcome.MatchId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#login")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminPage_EndMatch_ItsPlayersGetTheEndAndMayJoinAgain()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        // A player that sends no inputs: after the end it is back before Join, where an input would be out of place.
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        uint matchId = ada.Welcome.MatchId;
        (IPage page, List<string> errors) = await OpenConsoleAsync(server);

        await page.Locator($"tr.match[data-match-id='{matchId}'] button.end").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.ClickAsync("#confirm-ok");

        await ada.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended && w.PhaseTicksLeft == 0);
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("ended");
        await ada.SendJoinAsync("Ada");
        Assert.NotEqual(matchId, (await ada.NextAsync(MessageType.Welcome)).Welcome.MatchId);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminPage_KickPlayer_ClosesTheirConnectionWith4008AndTheReason()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        await using Bot ada = await Bot.JoinAsync(server, "Ada");
        await using Bot bob = await Bot.JoinAsync(server, "Bob", ada.Player.Welcome.MatchId);
        (IPage page, List<string> errors) = await OpenConsoleAsync(server);

        await page.Locator($"tr.match[data-match-id='{ada.Player.Welcome.MatchId}']").ClickAsync();
        await page.Locator("tr.players tr[data-player='Bob'] button.kick").ClickAsync();
        await page.FillAsync("#reason", "spamming the arena");
        await page.ClickAsync("#confirm-ok");

        Assert.Equal((WebSocketCloseStatus)4008, await bob.Player.WaitForCloseAsync());
        Assert.Equal("spamming the arena", bob.Player.Socket.CloseStatusDescription);
        await Assertions.Expect(page.Locator("tr.players tr[data-player='Bob']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr.players tr[data-player='Ada']")).ToHaveCountAsync(1);
        Assert.Equal(WebSocketState.Open, ada.Player.Socket.State);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminPage_DrainThenUndrain_RefusesNewPlayersOnlyWhileDraining()
    {
        await using TestServer server = await LivelyArena.StartAsync(settings: s_consoleOn);
        using HttpClient http = server.CreateHttpClient();
        (IPage page, List<string> errors) = await OpenConsoleAsync(server);

        await page.ClickAsync("#drain");
        await page.ClickAsync("#confirm-ok");

        await Assertions.Expect(page.Locator("#node-state")).ToHaveTextAsync("draining");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        await Assert.ThrowsAnyAsync<WebSocketException>(() => TestPlayer.JoinAsync(server, "Late"));

        await page.ClickAsync("#drain");
        await Assertions.Expect(page.Locator("#node-state")).ToHaveTextAsync("serving");
        await Eventually.TrueAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        await using TestPlayer late = await TestPlayer.JoinAsync(server, "Late");
        Assert.Empty(errors);
    }

    /// <summary>The console signed in, its stream live.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenConsoleAsync(TestServer server)
    {
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/admin").ToString());
        await SignInAsync(page, Token);
        await Assertions.Expect(page.Locator("body[data-stream='live']")).ToHaveCountAsync(1);
        return (page, errors);
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.FillAsync("#token", token);
        await page.ClickAsync("#login button[type=submit]");
    }
}
