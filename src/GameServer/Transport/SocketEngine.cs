namespace GameServer.Transport;

/// <summary>How .NET's socket engine runs completions, chosen by measurement (perf/RESULTS.md, "Lean transport").</summary>
public static class SocketEngine
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Runs socket completions on the engine's own epoll threads instead of queueing each to the thread pool. While
    /// players' sockets were on the engine, one thread hop per message was the largest single cost (at 1000 players
    /// it took the server from 1.6 to 1.35 times the floor, perf/RESULTS.md); they are on the lean transport's own
    /// epoll loops now, and the engine serves the accepts, Kestrel's connections, the spectator streams and Redis,
    /// whose completions are as short. Must run before the first socket is used (the engine reads the variable once);
    /// a value set in the environment wins.
    /// </summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }
}
