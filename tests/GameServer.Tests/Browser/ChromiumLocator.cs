using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Browser;

/// <summary>
/// Finds Debian's chromium, or installs it with apt-get when it is missing and the tests run as root. Playwright's
/// own browser download is never used: the machine's package is what users of the server run too.
/// </summary>
internal static class ChromiumLocator
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        if (FirstExisting() is string found)
        {
            return found;
        }

        string log = DebianPackages.Install("chromium", "The browser tests need Chromium (or CHROMIUM_PATH set to its executable)");
        return FirstExisting() ?? throw new InvalidOperationException(
            $"`apt-get install -y chromium` did not provide /usr/bin/chromium; install it by hand. Its output:{Environment.NewLine}{log}");
    }

    private static string? FirstExisting() => s_candidates.FirstOrDefault(File.Exists);
}
