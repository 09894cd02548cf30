using GameServer.Connections;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// One timer for every lean socket's keep-alive, instead of one per socket: a thousand per-socket timers wake the
/// thread pool hundreds of times a second on a server whose players are all sending anyway.
/// </summary>
/// <remarks>
/// The sockets are dealt into <see cref="Slices"/> groups and each tick of the timer sweeps the next one, so every
/// socket is still checked once a half-interval while a sweep's pings (a round-trip probe to each player) go out a
/// slice at a time: swept all at once, 2000 players got 2000 pings in one burst every 5 s, and the burst and its
/// pongs were the spikes of the players' RTT p99 (perf/RESULTS.md, "Keep-alive sweeps spread").
/// </remarks>
public sealed class KeepAliveSweep : IDisposable
{
    private const int Slices = 10;

    private readonly HashSet<GameSocket>[] _slices = new HashSet<GameSocket>[Slices];
    private readonly List<GameSocket> _sweeping = [];
    private readonly ITimer _timer;
    private int _dealt;
    private int _next;

    public KeepAliveSweep(IOptions<GatewayOptions> options, TimeProvider time)
    {
        for (int i = 0; i < Slices; i++)
        {
            _slices[i] = [];
        }

        // Twice an interval per socket: a silent peer is pinged between one and one and a half intervals after its last frame.
        TimeSpan period = options.Value.KeepAliveInterval / 2 / Slices;
        _timer = time.CreateTimer(static state => ((KeepAliveSweep)state!).Sweep(), this, period, period);
    }

    /// <summary>Adds a socket to the next slice in turn; returns the slice, for <see cref="Remove"/>.</summary>
    public int Add(GameSocket socket)
    {
        int slice = (int)((uint)Interlocked.Increment(ref _dealt) % Slices);
        lock (_slices[slice])
        {
            _slices[slice].Add(socket);
        }

        return slice;
    }

    public void Remove(GameSocket socket, int slice)
    {
        lock (_slices[slice])
        {
            _slices[slice].Remove(socket);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        // A sweep that outlasts the period makes the next one wait rather than run beside it.
        lock (_sweeping)
        {
            HashSet<GameSocket> slice = _slices[_next];
            _next = (_next + 1) % Slices;
            lock (slice)
            {
                _sweeping.AddRange(slice);
            }

            foreach (GameSocket socket in _sweeping)
            {
                socket.CheckKeepAlive();
            }

            _sweeping.Clear();
        }
    }
}
