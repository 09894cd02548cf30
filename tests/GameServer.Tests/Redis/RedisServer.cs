using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GameServer.Tests.Infrastructure;
using StackExchange.Redis;

namespace GameServer.Tests.Redis;

/// <summary>
/// Debian's redis-server on a free loopback port, without persistence, for the tests of one collection; installed
/// with apt-get when missing, never skipped. Small stream nodes (4 entries), so that a test's stream of a few dozen
/// entries is really trimmed by <c>MAXLEN ~</c>, which only drops whole nodes.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Executable = "/usr/bin/redis-server";

    private Process? _process;
    private int _port;

    /// <summary>The connection string, <c>127.0.0.1:port</c>.</summary>
    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            DebianPackages.Install("redis-server", "The Redis tests need Debian's redis-server");
        }

        // A port found free can be taken before redis-server binds it: then it exits, and another port is tried.
        for (int attempt = 1; ; attempt++)
        {
            _port = FreePort();
            _process = Start(_port);
            Configuration = $"127.0.0.1:{_port}";
            if (await AnswersPingAsync(_process))
            {
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on three free ports; the last was {_port}.");
            }
        }
    }

    public Task DisposeAsync() => StopAsync();

    /// <summary>Starts it again on the same port, as a Redis that came back; empty, since it keeps nothing on disk.</summary>
    public async Task RestartAsync()
    {
        _process = Start(_port);
        if (!await AnswersPingAsync(_process))
        {
            throw new InvalidOperationException($"redis-server did not start again on port {_port}.");
        }
    }

    private static Process Start(int port)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--stream-node-max-entries", "4" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");

        // Drained so that its log never fills a pipe and stops it.
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> AnswersPingAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!process.HasExited)
        {
            try
            {
                await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=1000");
                await redis.GetDatabase().PingAsync();
                return true;
            }
            catch (RedisConnectionException)
            {
                // Not listening yet.
            }

            await timer.WaitForNextTickAsync(timeout.Token);
        }

        return false;
    }

    /// <summary>Kills it, as a Redis that crashed or whose machine went away: clients see their connections closed.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
