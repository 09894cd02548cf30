using GameServer.Connections;
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
        if (options.Value.BatchSends)
        {
            LogSendBatching(logger, Uring.SendBatch.Unavailable ?? "io_uring");
        }

        _loops = new EpollLoop[Math.Max(1, Environment.ProcessorCount / 4)];
        for (int i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new EpollLoop($"game-epoll-{i}", ex => LogHandlerFailed(logger, ex));
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

    [LoggerMessage(EventId = 80, EventName = "SendBatching", Level = LogLevel.Information, Message = "Ticks' sends are batched through: {Mechanism}")]
    private static partial void LogSendBatching(ILogger logger, string mechanism);

    [LoggerMessage(EventId = 70, EventName = "ReadinessHandlerFailed", Level = LogLevel.Error, Message = "A socket's readiness handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
