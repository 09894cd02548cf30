using System.Diagnostics;

namespace GameServer.LoadTest;

/// <summary>What every bot of one run shares: the options in the units the hot path uses, the clock and the stats.</summary>
internal sealed class SwarmContext
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private volatile bool _stopping;

    public SwarmContext(SwarmOptions options)
    {
        Options = options;
        Stats = new SwarmStats(this);
        InputIntervalMicros = options.Behaviour == Behaviour.Play && options.InputsPerSecond > 0 ? (long)(1e6 / options.InputsPerSecond) : 0;
        PingIntervalMicros = options.PingsPerSecond > 0 ? (long)(1e6 / options.PingsPerSecond) : 0;
        JoinTimeoutMicros = (long)options.JoinTimeout.TotalMicroseconds;
    }

    public SwarmOptions Options { get; }

    public SwarmStats Stats { get; }

    public ChurnStats Churn { get; } = new();

    /// <summary>Where the bots' nodes are on the network.</summary>
    public required Transport.NodeEndPoints EndPoints { get; init; }

    /// <summary>Seats from POST /matchmaking with <c>--matchmake</c>; null when the bots quick-join on the one URL.</summary>
    public SeatPlacer? Placer { get; init; }

    public long InputIntervalMicros { get; }

    public long PingIntervalMicros { get; }

    public long JoinTimeoutMicros { get; }

    /// <summary>Set when the run ends: what fails after this is the swarm hanging up, not an error.</summary>
    public bool Stopping
    {
        get => _stopping;
        set => _stopping = value;
    }

    /// <summary>Microseconds since the run started, on the monotonic clock.</summary>
    public long NowMicros() => (long)Stopwatch.GetElapsedTime(_start).TotalMicroseconds;
}
