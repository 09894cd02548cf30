using System.Diagnostics;

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

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                "The browser tests need Chromium: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.");
        }

        string log = Run("apt-get", "update") + Run("apt-get", "install -y --no-install-recommends chromium");
        return FirstExisting() ?? throw new InvalidOperationException(
            $"`apt-get install -y chromium` did not provide /usr/bin/chromium; install it by hand. Its output:{Environment.NewLine}{log}");
    }

    private static string? FirstExisting() => s_candidates.FirstOrDefault(File.Exists);

    private static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{file} {arguments}` took over 5 minutes; install chromium by hand.");
        }

        string text = output.Result + error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{file} {arguments}` failed with {process.ExitCode}; install chromium by hand:{Environment.NewLine}{text}");
        }

        return text;
    }
}
