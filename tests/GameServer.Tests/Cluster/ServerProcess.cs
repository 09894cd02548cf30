using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Cluster;

/// <summary>
/// The built server (the GameServer.dll copied beside the tests, run with <c>dotnet</c>, never rebuilt) as a process
/// of its own on 127.0.0.1 and an ephemeral port: a node of a test cluster that a test can SIGKILL. Its output is read
/// as it comes, so no pipe fills and stops it, and is kept for the failure message; it is killed at dispose, and at
/// the latest when the test run's process exits, so no node outlives its test.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<Process, byte> s_running = new();

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += static (_, _) =>
        {
            foreach (Process process in s_running.Keys)
            {
                process.Kill(entireProcessTree: true);
            }
        };
    }

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public Uri HttpBase { get; private set; } = null!;

    public Uri WebSocketUri => new(HttpBase.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");

    /// <summary>The last lines it wrote, stdout and stderr interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts it with <paramref name="settings"/> as command-line configuration, and returns once it listens.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GameServer.dll"));
        foreach ((string key, string? value) in QuietSettings.Concat(settings))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var server = new ServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, line) => server.Received(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Received(line.Data);
        server._process.Start();
        s_running.TryAdd(server._process, 0);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        // Asynchronous reads reach the end of the output before the wait for the exit completes.
        Task exited = server._process.WaitForExitAsync();
        Task first = await Task.WhenAny(server._listening.Task, exited, Task.Delay(s_startTimeout));
        if (first != server._listening.Task)
        {
            string why = first == exited
                ? $"exited with code {server._process.ExitCode}"
                : $"did not say it listens within {s_startTimeout.TotalSeconds} s";
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server process {why}. Its output:\n{server.Output}");
        }

        server.HttpBase = await server._listening.Task;
        return server;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpBase, Timeout = TestPlayer.Patience };

    /// <summary>SIGKILL, as a node whose machine went away: no shutdown, no deregistration; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(s_exitTimeout);
    }

    /// <summary>SIGTERM, as a service manager stops it; returns its exit code once it has exited (within <paramref name="within"/>).</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(within);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(s_exitTimeout);
        s_running.TryRemove(_process, out _);
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Count == KeptLines)
            {
                _output.Dequeue();
            }

            _output.Enqueue(line);
        }

        Match listening = ListeningLine().Match(line);
        if (listening.Success)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value + "/"));
        }
    }

    // Warnings and errors only, and the host's own line that says where it listens (the port is chosen at bind).
    private static IEnumerable<KeyValuePair<string, string?>> QuietSettings =>
    [
        new("urls", "http://127.0.0.1:0"),
        new("Logging:LogLevel:Default", "Warning"),
        new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information"),
        new("Logging:Console:FormatterName", "simple"),
    ];

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
