using GameServer.Connections;
using GameServer.Transport.Uring;
using Microsoft.Extensions.Options;

namespace GameServer.Transport.Epoll;

/// <summary>
/// The lean listener's epoll loops, each with its thread; sockets are spread over them in turn. One loop per four
/// cores: a loop's work per read is short, and the rest of the cores go to the ticks.
/// </summary>
internal sealed partial class EpollLoops : IDisposable
{
    private readonly EpollLoop[] _loops;
    private int _next = -1;

    public EpollLoops(ILogger<EpollLoop> logger, IOptions<GatewayOptions> options)
    {
        bool batch = options.Value.UseIoUring && SocketRing.Unavailable is null;
        if (batch)
        {
            LogIoUring(logger);
        }
        else if (options.Value.UseIoUring)
        {
            LogIoUringUnavailable(logger, SocketRing.Unavailable!);
        }

        _loops = new EpollLoop[Math.Max(1, Environment.ProcessorCount / 4)];
        for (int i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new EpollLoop($"game-epoll-{i}", ex => LogHandlerFailed(logger, ex), batch ? new BatchedReads<GameSocket>() : null);
        }
    }

    public EpollLoop Next() => _loops[(int)((uint)Interlocked.Increment(ref _next) % (uint)_loops.Length)];

    public void Dispose()
    {
        foreach (EpollLoop loop in _loops)
        {
            loop.Dispose();
        }
    }

    [LoggerMessage(EventId = 80, EventName = "IoUring", Level = LogLevel.Information,
        Message = "Players' reads and the ticks' writes go to the kernel in batches, through io_uring")]
    private static partial void LogIoUring(ILogger logger);

    [LoggerMessage(EventId = 81, EventName = "IoUringUnavailable", Level = LogLevel.Warning,
        Message = "io_uring is unavailable ({Why}): one system call per read and per write")]
    private static partial void LogIoUringUnavailable(ILogger logger, string why);

    [LoggerMessage(EventId = 82, EventName = "ReadinessHandlerFailed", Level = LogLevel.Error, Message = "A socket's readiness handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
