using GameServer.Transport.Epoll;
using GameServer.Transport.Uring;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// The swarm's epoll loops, one per two cores of its affinity (the server keeps one per four, its other cores tick; the
/// swarm's other work is its one scheduler thread); bots are spread over them in turn. Each pass's reads go in one
/// io_uring submission for the bots that batch (<see cref="SwarmOptions.UseIoUring"/>).
/// </summary>
internal static class BotLoops
{
    private static readonly EpollLoop[] s_loops = Create();
    private static int s_next = -1;

    public static int Count => s_loops.Length;

    public static EpollLoop Next() => s_loops[(int)((uint)Interlocked.Increment(ref s_next) % (uint)s_loops.Length)];

    private static EpollLoop[] Create()
    {
        // Every handler catches its own failures (they end that bot's reading); one that escapes is a bug to see.
        var loops = new EpollLoop[Math.Max(1, Environment.ProcessorCount / 2)];
        for (int i = 0; i < loops.Length; i++)
        {
            loops[i] = new EpollLoop($"bots-epoll-{i}", ex => Console.Error.WriteLine($"A bot's reading failed: {ex}"), new BatchedReads<RawWebSocketTransport>());
        }

        return loops;
    }
}
