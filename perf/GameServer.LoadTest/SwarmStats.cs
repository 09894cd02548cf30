using System.Collections.Concurrent;
using HdrHistogram;

namespace GameServer.LoadTest;

/// <summary>
/// The run's shared measurements: latency recorders that any receive thread writes without locks (HdrHistogram's
/// <see cref="Recorder"/> swaps interval histograms under a writer-reader phaser), and error counts by kind.
/// </summary>
internal sealed class SwarmStats
{
    private const long HighestMicros = 60_000_000;

    private readonly SwarmContext _context;
    private readonly long[] _errors = new long[Enum.GetValues<ErrorKind>().Length];
    private readonly string?[] _firstErrors = new string?[Enum.GetValues<ErrorKind>().Length];
    private readonly ConcurrentDictionary<string, long> _welcomesByGame = new(StringComparer.Ordinal);
    private int _tickRate;
    private long _rejoins;

    public SwarmStats(SwarmContext context)
    {
        _context = context;
    }

    /// <summary>Ping to Pong, in microseconds.</summary>
    public Recorder Rtt { get; } = CreateRecorder();

    /// <summary>Input sent to its sequence acknowledged in a delta, in microseconds.</summary>
    public Recorder StateLag { get; } = CreateRecorder();

    /// <summary>The tick rate the server announced in Welcome.</summary>
    public int TickRate => Volatile.Read(ref _tickRate);

    /// <summary>Times a bot's match closed and the bot was welcomed into the next one.</summary>
    public long Rejoins => Interlocked.Read(ref _rejoins);

    /// <summary>Welcomes by the game they were into (v2: the schema's game; v1: arena).</summary>
    public IReadOnlyDictionary<string, long> WelcomesByGame => _welcomesByGame;

    public long ErrorCount(ErrorKind kind) => Interlocked.Read(ref _errors[(int)kind]);

    public string? FirstError(ErrorKind kind) => Volatile.Read(ref _firstErrors[(int)kind]);

    public long TotalErrors()
    {
        long total = 0;
        for (int i = 0; i < _errors.Length; i++)
        {
            total += Interlocked.Read(ref _errors[i]);
        }

        return total;
    }

    public void RecordError(ErrorKind kind, string message)
    {
        if (_context.Stopping)
        {
            return;
        }

        Interlocked.Increment(ref _errors[(int)kind]);
        Interlocked.CompareExchange(ref _firstErrors[(int)kind], message, null);
    }

    public void RecordRtt(long micros) => Rtt.RecordValue(Math.Clamp(micros, 1, HighestMicros));

    public void RecordStateLag(long micros) => StateLag.RecordValue(Math.Clamp(micros, 1, HighestMicros));

    public void RecordWelcome(string game) => _welcomesByGame.AddOrUpdate(game, 1, static (_, count) => count + 1);

    public void RecordRejoin() => Interlocked.Increment(ref _rejoins);

    public void RecordTickRate(int tickRate) => Volatile.Write(ref _tickRate, tickRate);

    private static Recorder CreateRecorder() => HistogramFactory.With64BitBucketSize()
        .WithValuesFrom(1)
        .WithValuesUpTo(HighestMicros)
        .WithPrecisionOf(3)
        .WithThreadSafeWrites()
        .WithThreadSafeReads()
        .Create();
}
