using System.Net;
using GameServer.LoadTest.Reporting;
using GameServer.LoadTest.Transport;

namespace GameServer.LoadTest;

/// <summary>
/// Runs a swarm of bots against one server: starts them over the ramp, pumps their sends from one scheduler thread,
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
                ? new RawWebSocketTransport(uri, at, seed, _options.SubProtocol)
                : new ClientWebSocketTransport(uri, _options.SubProtocol);
            _runs[i] = Task.CompletedTask;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scheduler = new Thread(Schedule) { IsBackground = true, Name = "swarm scheduler" };
        scheduler.Start();
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
            scheduler.Join();
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

    /// <summary>The scheduler thread: every millisecond, each started bot sends what is due, and the churn drops bots. One thread for all bots.</summary>
    private void Schedule()
    {
        while (!_context.Stopping)
        {
            long now = _context.NowMicros();
            int started = Volatile.Read(ref _started);
            for (int i = 0; i < started; i++)
            {
                _bots[i].Pump(now);
            }

            Churn(now);

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
