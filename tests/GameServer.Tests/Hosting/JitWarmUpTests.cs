using System.Text.RegularExpressions;
using GameServer.Tests.Cluster;

namespace GameServer.Tests.Hosting;

/// <summary>
/// A fresh server compiles its own code before it takes players, so that the first match's first ticks do not wait on
/// the JIT (with tiered compilation off the first took 120-210 ms and skipped ticks).
/// </summary>
public sealed partial class JitWarmUpTests
{
    [Fact]
    public async Task FreshServer_CompilesItsMethodsBeforeItListens()
    {
        await using ServerProcess server = await ServerProcess.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:GameServer.Hosting.JitWarmUp"] = "Information" });

        string[] lines = server.Output.Split('\n');
        int compiled = Array.FindIndex(lines, line => CompiledLine().IsMatch(line));
        int listening = Array.FindIndex(lines, line => line.Contains("Now listening on:", StringComparison.Ordinal));
        Assert.True(compiled >= 0, $"No line says the methods were compiled. Output:\n{server.Output}");
        Assert.True(compiled < listening, $"The server listened before its methods were compiled. Output:\n{server.Output}");
        Assert.True(int.Parse(CompiledLine().Match(lines[compiled]).Groups[1].Value) > 1000, lines[compiled]);
    }

    [GeneratedRegex(@"Compiled the server's (\d+) methods")]
    private static partial Regex CompiledLine();
}
