using GameServer.Transport.Epoll;

namespace GameServer.LoadTest.Transport;

/// <summary>
/// The swarm's epoll loops, one per two cores of its affinity (the server keeps one per four, its other cores tick; the
/// swarm's other work is its one scheduler thread); bots are spread over them in turn.
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
            loops[i] = new EpollLoop($"bots-epoll-{i}", ex => Console.Error.WriteLine($"A bot's reading failed: {ex}"), new BatchedReads());
        }

        return loops;
    }

    /// <summary>A loop's passes with the reads of the transports that batch (<see cref="SwarmOptions.UseIoUring"/>) in one submission, made at the pass's end.</summary>
    private sealed class BatchedReads : IReadinessPass
    {
        private RingBatch.Scope _scope;

        public void Begin() => _scope = RingBatch.Gather(enabled: true);

        public void End()
        {
            RingBatch.Scope scope = _scope;
            _scope = default;
            scope.Dispose();
        }
    }
}
