using GameServer.Connections;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// One timer for every lean socket's keep-alive, instead of one per socket: a thousand per-socket timers wake the
/// thread pool hundreds of times a second on a server whose players are all sending anyway.
/// </summary>
public sealed class KeepAliveSweep : IDisposable
{
    private readonly HashSet<GameSocket> _sockets = [];
    private readonly List<GameSocket> _sweeping = [];
    private readonly ITimer _timer;

    public KeepAliveSweep(IOptions<GatewayOptions> options, TimeProvider time)
    {
        // Twice an interval: a silent peer is pinged between one and one and a half intervals after its last frame.
        TimeSpan period = options.Value.KeepAliveInterval / 2;
        _timer = time.CreateTimer(static state => ((KeepAliveSweep)state!).Sweep(), this, period, period);
    }

    public void Add(GameSocket socket)
    {
        lock (_sockets)
        {
            _sockets.Add(socket);
        }
    }

    public void Remove(GameSocket socket)
    {
        lock (_sockets)
        {
            _sockets.Remove(socket);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        lock (_sockets)
        {
            _sweeping.AddRange(_sockets);
        }

        foreach (GameSocket socket in _sweeping)
        {
            socket.CheckKeepAlive();
        }

        _sweeping.Clear();
    }
}
