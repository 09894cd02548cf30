using System.Diagnostics;
using GameServer.SpectatorLoad;

// Opens N SSE spectators against a running server, holds them for a bounded time, and reports the server's
// resident memory before and after, per spectator. See perf/RESULTS.md ("Spectators") for how it was run.
LoadOptions options = LoadOptions.Parse(args);
using var deadline = new CancellationTokenSource(options.Hold + TimeSpan.FromMinutes(2));

// Warm-up: the first streams pay for JIT and the server's first allocations, which are not per spectator.
await OpenAndCloseAsync(options.Warmup);
await Task.Delay(TimeSpan.FromSeconds(2), deadline.Token);
long? before = ServerMemory.ResidentKiB(options.ServerPid);

var connections = new List<SpectatorConnection>(options.Connections);
var clock = Stopwatch.StartNew();
int failed = 0;
const int Parallel = 100;
for (int start = 0; start < options.Connections; start += Parallel)
{
    var batch = new List<Task>();
    for (int i = start; i < Math.Min(start + Parallel, options.Connections); i++)
    {
        var connection = new SpectatorConnection();
        connections.Add(connection);
        batch.Add(connection.OpenAsync(options.Url, options.Path, deadline.Token));
    }

    try
    {
        await Task.WhenAll(batch);
    }
    catch (Exception)
    {
        failed += batch.Count(t => t.IsFaulted);
    }
}

int open = options.Connections - failed;
Console.WriteLine($"{open} spectators open ({failed} failed) in {clock.Elapsed.TotalSeconds:F1} s; holding {options.Hold.TotalSeconds:F0} s");
await Task.Delay(options.Hold, deadline.Token);
long? after = ServerMemory.ResidentKiB(options.ServerPid);
long received = connections.Sum(c => c.Received);
Console.WriteLine($"received {received / 1024} KiB in all ({received / Math.Max(1, open)} B per spectator)");
if (before is long b && after is long a && open > 0)
{
    Console.WriteLine($"server RSS: {b / 1024.0:F1} MiB before, {a / 1024.0:F1} MiB with {open} spectators: {(a - b) * 1024.0 / open / 1024:F1} KiB per spectator");
}

foreach (SpectatorConnection connection in connections)
{
    await connection.DisposeAsync();
}

return failed == 0 ? 0 : 1;

async Task OpenAndCloseAsync(int count)
{
    var warm = new List<SpectatorConnection>();
    for (int i = 0; i < count; i++)
    {
        var connection = new SpectatorConnection();
        warm.Add(connection);
        await connection.OpenAsync(options.Url, options.Path, deadline.Token);
    }

    foreach (SpectatorConnection connection in warm)
    {
        await connection.DisposeAsync();
    }
}
