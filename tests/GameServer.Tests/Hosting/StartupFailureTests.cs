using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GameServer.Tests.Hosting;

/// <summary>The built server, run as a process as an operator runs it, fails to start with one clear line and exit code 1.</summary>
public sealed class StartupFailureTests
{
    // A hang guard only: a server that wrongly starts would otherwise run until killed.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Main_InvalidSetting_PrintsOneLineNamingItAndExitsWithOne()
    {
        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Tick:TickRate", "0");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Tick:TickRate", line, StringComparison.Ordinal);
        Assert.Contains("between 1 and 240", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_SettingThatIsNotANumber_PrintsOneLineNamingItAndExitsWithOne()
    {
        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Matchmaking:Capacity", "lots");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Matchmaking:Capacity", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_PortInUse_PrintsOneLineNamingTheAddressAndExitsWithOne()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;

        ServerRun run = await RunServerAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_RedisConfiguredButUnreachable_PrintsOneLineNamingTheSettingAndExitsWithOne()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Redis:Configuration", $"127.0.0.1:{port},connectTimeout=500");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Redis:Configuration", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_RedisConfigurationNotAConnectionString_PrintsOneLineNamingItAndExitsWithOne()
    {
        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Redis:Configuration", "localhost:6379,nonsense=1");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Redis:Configuration is not a StackExchange.Redis connection string", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_RedisFeedQueueCapacityZero_PrintsOneLineNamingItAndExitsWithOne()
    {
        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Redis:Configuration", "127.0.0.1:1", "--Redis:FeedQueueCapacity", "0");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Redis:FeedQueueCapacity must be between 1 and 10000000 events.", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Main_ReopeningShareNotBelowTheBusyShare_PrintsOneLineNamingBothAndExitsWithOne()
    {
        ServerRun run = await RunServerAsync("--urls", "http://127.0.0.1:0", "--Admission:BusyPercent", "80", "--Admission:ReopenBusyPercent", "80");

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains("Admission:ReopenBusyPercent must be below Admission:BusyPercent.", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    private static void AssertNoStackTrace(ServerRun run)
    {
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    // The server's GameServer.dll is copied next to the tests' own assembly with its runtimeconfig: the build under test.
    private static async Task<ServerRun> RunServerAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GameServer.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(s_hangGuard);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ServerRun(process.ExitCode, await output, await error);
    }

    private sealed record ServerRun(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
