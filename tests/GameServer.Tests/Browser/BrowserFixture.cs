using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>One headless Chromium for the browser test collection; each test opens its own page in a fresh context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The flags Chromium needs to run as root in a container, quietly: no sandbox, GPU, QUIC or background traffic.</summary>
    private static readonly string[] s_arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        string chromium = ChromiumLocator.Find();
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = s_arguments,
            Timeout = 30_000,
        });
    }

    /// <summary>A page 1280 x 800 whose uncaught script errors are collected, so that a test can assert there were none.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        IPage page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
