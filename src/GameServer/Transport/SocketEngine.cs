namespace GameServer.Transport;

/// <summary>How .NET's socket engine runs completions, chosen by measurement (perf/RESULTS.md, "Lean transport").</summary>
public static class SocketEngine
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Runs socket completions on the engine's own epoll threads instead of queueing each to the thread pool. The lean
    /// transport's reads are short and never block, so one thread hop per message was pure cost: at 1000 players it
    /// took the server from 1.6 to 1.35 times the floor with the spin limit below. Must run before the first socket is
    /// used (the engine reads the variable once); a value set in the environment wins.
    /// </summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }
}
