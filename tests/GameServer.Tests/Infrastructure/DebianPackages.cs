using System.Diagnostics;

namespace GameServer.Tests.Infrastructure;

/// <summary>Installs a Debian package that a test needs (chromium, redis-server) with apt-get, when the tests run as root.</summary>
internal static class DebianPackages
{
    /// <summary>Installs <paramref name="package"/>; <paramref name="why"/> finishes "install it by hand" messages.</summary>
    public static string Install(string package, string why)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
        {
            throw new InvalidOperationException($"{why}: install it (Debian: `apt-get install -y {package}`).");
        }

        return Run("apt-get", "update", package) + Run("apt-get", $"install -y --no-install-recommends {package}", package);
    }

    private static string Run(string file, string arguments, string package)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{file} {arguments}` took over 5 minutes; install {package} by hand.");
        }

        string text = output.Result + error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{file} {arguments}` failed with {process.ExitCode}; install {package} by hand:{Environment.NewLine}{text}");
        }

        return text;
    }
}
