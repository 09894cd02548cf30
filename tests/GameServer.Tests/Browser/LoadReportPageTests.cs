using GameServer.LoadTest.Reporting;
using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// The swarm's HTML report in Chromium: what the run brings back from the target (its URL, the games and error
/// messages the server sent) is shown as text, so a hostile server cannot put script into a report a tester opens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadReportPageTests(BrowserFixture browser)
{
    private const string Markup = "<img src=x onerror=\"document.title='owned'\">";

    [Fact(Timeout = 60_000)]
    public async Task Report_WithMarkupInTheTargetAGameAndAnErrorMessage_ShowsItAsText()
    {
        var report = new SwarmReport
        {
            Url = "ws://127.0.0.1:1/ws?" + Markup,
            WelcomesByGame = { ["tag"] = 3, [Markup] = 1 },
            Errors = new ErrorSummary { Total = 1, ByKind = { ["Closed"] = 1 }, FirstMessages = { ["Closed"] = Markup } },
        };
        (IPage page, List<string> errors) = await browser.NewPageAsync();

        await page.SetContentAsync(ReportWriter.ToHtml(report));

        Assert.Equal(0, await page.Locator("#summary img").CountAsync());
        string summary = await page.Locator("#summary").InnerTextAsync();
        Assert.Equal(3, summary.Split(Markup).Length - 1);
        Assert.Contains("welcomes by game\ttag: 3, " + Markup + ": 1", summary, StringComparison.Ordinal);
        Assert.NotEqual("owned", await page.TitleAsync());
        Assert.Empty(errors);
    }
}
