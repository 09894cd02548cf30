using System.Text.RegularExpressions;
using GameServer.LoadTest;
using GameServer.Protocol;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Tag;
using GameServer.Tests.Replays;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReplayPageTests
{
    private readonly BrowserFixture _browser;

    public ReplayPageTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 90_000)]
    public async Task ReplayPage_RecordedMatch_PlaysPausesSeeksAndChangesSpeed()
    {
        await using TestServer server = await ReplayServer.StartAsync(LivelyShortRules());
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry;
        await using (Bot ada = await Bot.JoinAsync(server, "Ada"))
        await using (Bot bob = await Bot.JoinAsync(server, "Bob", ada.Player.Welcome.MatchId))
        {
            entry = await ReplayServer.WaitForReplayAsync(client, ada.Player.Welcome.MatchId);
        }

        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, $"/replay/{entry.Id}").ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ready");
        await Assertions.Expect(page.Locator("body[data-tick='1']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("body[data-game='arena']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#ticks")).ToHaveTextAsync(entry.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.Locator("#play").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.tick) > 10");
        await page.Locator("#play").ClickAsync();
        string paused = await TickAsync(page);
        await page.EvaluateAsync("() => new Promise(r => { let n = 0; const f = () => (++n < 20 ? requestAnimationFrame(f) : r()); requestAnimationFrame(f); })");
        Assert.Equal(paused, await TickAsync(page));

        await page.Locator("#seek").FillAsync("120");
        await Assertions.Expect(page.Locator("body[data-tick='121']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#tick")).ToHaveTextAsync("121");
        await Assertions.Expect(page.Locator("#scoreboard li")).ToHaveCountAsync(2);
        // Its entities reach the page in the schema's view: each player's score by its field's name.
        await Assertions.Expect(page.Locator("#scoreboard li").First).ToHaveTextAsync(new Regex("^.+ · [0-9]+$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replay.png") });

        await page.Locator("#seek").FillAsync("30");
        await Assertions.Expect(page.Locator("body[data-tick='31']")).ToHaveCountAsync(1);

        await page.Locator("button.speed[data-speed='4']").ClickAsync();
        await Assertions.Expect(page.Locator("button.speed[data-speed='4']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator("#play").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.tick) > 40");
        // The top-left corner of the canvas is the border wall, drawn in the wall colour #34405a.
        int[] wall = await PixelAsync(page, 5, 5);
        Assert.Equal([0x34, 0x40, 0x5a, 0xff], wall);

        // The scoreboard page lists the replay, linked to its page.
        await page.GotoAsync(new Uri(server.HttpBase, "/spectate").ToString());
        await Assertions.Expect(page.Locator($"#replays a[href$='/replay/{entry.Id}']")).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }

    [Fact(Timeout = 120_000)]
    public async Task ReplayPage_TagMatchOfSwarmBots_PlaysWithTagsRendererAndSeeks_AndTheScoreboardLinksIt()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(), tag: ReplayServer.ShortTag());
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry;
        using (var swarmEnds = new CancellationTokenSource())
        {
            Swarm swarm = TagBots.For(server);
            Task swarming = swarm.RunAsync(swarmEnds.Token);
            try
            {
                entry = await ReplayServer.WaitForReplayAsync(client, r => r.Game == TagSchema.GameName);
            }
            finally
            {
                await swarmEnds.CancelAsync();
                await swarming.ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }

        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, $"/replay/{entry.Id}").ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("ready");
        await Assertions.Expect(page.Locator("body[data-game='tag']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#about")).ToContainTextAsync(": tag, ");
        await Assertions.Expect(page.Locator("body[data-tick='1']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#ticks")).ToHaveTextAsync(entry.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Tag's renderer: the field as high as Tag's (1000 × 700 world units), its border in Tag's green #3c6b4f.
        Assert.Equal(700, await page.EvaluateAsync<int>("() => document.getElementById('canvas').height"));
        int[] border = await PixelAsync(page, 1, 350);
        Assert.Equal([0x3c, 0x6b, 0x4f, 0xff], border);

        await page.Locator("#play").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.tick) > 10");
        await page.Locator("#play").ClickAsync();

        await page.Locator("#seek").FillAsync("40");
        await Assertions.Expect(page.Locator("body[data-tick='41']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#scoreboard li")).ToHaveCountAsync(2);
        await page.Locator("#seek").FillAsync("5");
        await Assertions.Expect(page.Locator("#tick")).ToHaveTextAsync("6");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("replay-tag.png") });

        await page.GotoAsync(new Uri(server.HttpBase, "/spectate").ToString());
        await Assertions.Expect(page.Locator($"#replays a[href$='/replay/{entry.Id}']")).ToHaveTextAsync($"Match {entry.MatchId}");
        await Assertions.Expect(page.Locator("#replays li").Filter(new() { HasText = $"Match {entry.MatchId}" })).ToContainTextAsync("(tag)");
        Assert.Empty(errors);
    }

    private static Task<string> TickAsync(IPage page) => page.EvaluateAsync<string>("() => document.body.dataset.tick");

    private static Task<int[]> PixelAsync(IPage page, int x, int y) =>
        page.EvaluateAsync<int[]>($"() => Array.from(document.getElementById('canvas').getContext('2d').getImageData({x}, {y}, 1, 1).data)");

    /// <summary>Five seconds of play with score orbs raining (as in LivelyArena), so the replay has something to show.</summary>
    private static ArenaRules LivelyShortRules()
    {
        ArenaRules rules = ShortMatches.Rules(runningTicks: 150, endedTicks: 10);
        rules.PickupSpawnIntervalTicks = 1;
        rules.MaxPickups = 24;
        rules.PickupRadius = 30 * Quantization.PositionScale;
        rules.ScoreLimit = 0;
        return rules;
    }
}
