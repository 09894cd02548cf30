using System.Net;
using GameServer.LoadTest.Reporting;
using GameServer.LoadTest.Transport;
using GameServer.Transport.Uring;

namespace GameServer.LoadTest;

/// <summary>
/// Runs a swarm of bots against one server: starts them over the ramp, pumps their sends from scheduler threads,
/// samples every second, and stops them all at the end. The bots' receives are async socket reads: no thread per bot.
/// </summary>
public sealed partial class Swarm
{
    private readonly SwarmOptions _options;
    private readonly SwarmContext _context;
    private readonly Bot[] _bots;
    private readonly Task[] _runs;
    private int _started;

    public Swarm(SwarmOptions options)
    {
        options.Validate();
        _options = options;
        _context = new SwarmContext(options)
        {
            EndPoints = new NodeEndPoints(options.AllowRemote),
            Placer = options.Matchmake.Count > 0 ? new SeatPlacer(options.Matchmake) : null,
        };
        _bots = new Bot[options.Bots];
        _runs = new Task[options.Bots];
        _deltasAtWindowStart = new long[options.Bots];
        _deltasAtWindowEnd = new long[options.Bots];
    }

    /// <summary>The last second sampled, for a live display; null before the first.</summary>
    public TimeSample? Latest { get; private set; }

    public async Task<SwarmReport> RunAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        EndPoint endPoint = await _context.EndPoints.ResolveAsync(_options.Url, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < _bots.Length; i++)
        {
            int seed = i * 7919 + 17;
            _bots[i] = new Bot(_context, NewTransport, i, endPoint);

            // A churned bot reconnects on a new transport of the same kind, to the node it played on.
            IBotTransport NewTransport(Uri uri, EndPoint at) => _options.Transport == TransportKind.Raw
                ? new RawWebSocketTransport(uri, at, seed, _options.SubProtocol, _options.UseIoUring)
                : new ClientWebSocketTransport(uri, _options.SubProtocol);
            _runs[i] = Task.CompletedTask;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Thread[] schedulers = StartSchedulers();
        Task ramp = RampAsync(stop.Token);
        try
        {
            await SampleAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _context.Stopping = true;
            await stop.CancelAsync().ConfigureAwait(false);
            await ramp.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            foreach (Thread scheduler in schedulers)
            {
                scheduler.Join();
            }

            await StopBotsAsync().ConfigureAwait(false);
            _context.Placer?.Dispose();
        }

        return BuildReport(startedAt);
    }

    private async Task RampAsync(CancellationToken cancellationToken)
    {
        long rampMicros = (long)_options.Ramp.TotalMicroseconds;
        for (int i = 0; i < _bots.Length; i++)
        {
            long wait = rampMicros * i / _bots.Length - _context.NowMicros();
            if (wait >= 1000)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(wait), cancellationToken).ConfigureAwait(false);
            }

            _runs[i] = _bots[i].RunAsync(cancellationToken);
            Volatile.Write(ref _started, i + 1);
        }
    }

    /// <summary>
    /// One scheduler thread per epoll loop of the bots (one per two cores): a single thread's sends were the limit of a
    /// swarm on many cores (about 200,000 a second at 10,000 bots). Each owns the bots whose index it is given modulo
    /// their count, so a bot is pumped, and dropped by the churn, by one thread only.
    /// </summary>
    private Thread[] StartSchedulers()
    {
        if (_context.Options.UseIoUring && SocketRing.Unavailable is { } why)
        {
            Console.Error.WriteLine($"Sends and reads go one by one: no io_uring here ({why}).");
        }

        var schedulers = new Thread[BotLoops.Count];
        for (int i = 0; i < schedulers.Length; i++)
        {
            var share = new ChurnShare(i, schedulers.Length);
            schedulers[i] = new Thread(() => Schedule(share)) { IsBackground = true, Name = $"swarm scheduler {i}" };
            schedulers[i].Start();
        }

        return schedulers;
    }

    /// <summary>
    /// A scheduler thread: every millisecond, each of its started bots sends what is due (in one submission, with
    /// <see cref="SwarmOptions.UseIoUring"/>), and the churn drops some of them.
    /// </summary>
    private void Schedule(ChurnShare share)
    {
        while (!_context.Stopping)
        {
            long now = _context.NowMicros();
            int started = Volatile.Read(ref _started);
            using (SocketBatch<RawWebSocketTransport>.Gather(_context.Options.UseIoUring))
            {
                for (int i = share.First; i < started; i += share.Stride)
                {
                    _bots[i].Pump(now);
                }
            }

            Churn(now, share);

            Thread.Sleep(1);
        }
    }

    private async Task StopBotsAsync()
    {
        foreach (Bot bot in _bots)
        {
            await bot.StopAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_runs).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
