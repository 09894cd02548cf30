using GameServer.Connections;
using GameServer.Matches;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Soak;

/// <summary>Waits, checking the server's own counts as its ticks and connections report, for its connections and matches to be gone after the bots left.</summary>
internal static class ServerDrain
{
    /// <summary>True when both counts reached zero before the deadline (the grace period plus the empty-match timeout and slack).</summary>
    public static Task<bool> WaitUntilEmptyAsync(TestServer server, TimeSpan deadline)
    {
        var registry = server.GetService<ConnectionRegistry>();
        var matchmaker = server.GetService<LocalMatches>();
        return ServerCondition.WaitAsync(server, () => registry.Count == 0 && matchmaker.Matches.Count == 0, deadline);
    }

    public static string Describe(TestServer server) =>
        $"{server.GetService<ConnectionRegistry>().Count} connections, {server.GetService<LocalMatches>().Matches.Count} matches " +
        $"({string.Join(", ", server.GetService<LocalMatches>().Matches.Select(m => $"{m.Id}: {m.Summary.Players.Count} players"))})";
}
