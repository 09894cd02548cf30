using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Ticking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GameServer.Spectators;

/// <summary>
/// The in-process event log behind the spectator feed. A tick's <see cref="Publish"/> only queues its events and
/// nudges the pump: no lock, no JSON, no I/O, nothing per spectator. The pump (<see cref="SpectatorFeedPump"/>)
/// gives the events their ids, encodes each once, appends them to the <see cref="FeedRing"/>, coalesces scores,
/// summarises this node's matches for the overview every <see cref="SpectatorFeedOptions.SummaryInterval"/>,
/// and wakes the spectators, who each read the ring at their own pace through <see cref="IFeedLog"/>.
/// </summary>
public sealed partial class InMemoryMatchEventLog : IMatchEventLog, IFeedLog
{
    private readonly ConcurrentQueue<PendingFeedEvent> _pending = new();
    private readonly ConcurrentQueue<NodeDrainChange> _drainChanges = new();
    // Waited on by the pump's own thread, which blocks without spinning: the wake-up is its only cost.
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);
    private readonly FeedSignal _signal = new();
    private readonly FeedSignal _overviewSignal = new();
    private readonly ScoreCoalescer _scores;
    private readonly SummaryBoard _summaries;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly TimeProvider _time;
    private readonly SpectatorMetrics _metrics;
    private readonly SpectatorRegistry? _spectators;
    private readonly IFeedLog _destination;
    private readonly ILogger _logger;
    private readonly LogRateLimiter _failureLogs;
    private int _wakePending;
    private long _failedEvents;
    private long _heartbeats;
    private long _lastHeartbeatAt;
    private long _pulsedLastId;
    private long _overviewPulsedLastId;
    private bool _overviewAppended;
    private volatile bool _completed;

    /// <param name="spectators">The streams to drop when they fall out of the buffer; none in tests of the pump alone.</param>
    /// <param name="destination">
    /// The log the encoded events go to: this one's ring (null), or a cluster's log, which then also follows, wakes
    /// and drops the spectators itself.
    /// </param>
    public InMemoryMatchEventLog(IOptions<SpectatorFeedOptions> options, TimeProvider time, SpectatorMetrics metrics,
        ILogger<InMemoryMatchEventLog>? logger = null, SpectatorRegistry? spectators = null, IFeedLog? destination = null)
    {
        Options = options.Value;
        _time = time;
        _metrics = metrics;
        _spectators = spectators;
        _destination = destination ?? this;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _failureLogs = new LogRateLimiter(TimeSpan.FromSeconds(1), time.TimestampFrequency);
        _scores = new ScoreCoalescer(time, TimeSpan.FromSeconds(1.0 / Options.ScoreEventsPerSecond));
        _summaries = new SummaryBoard(time, Options.SummaryInterval);
        _json = FeedJson.CreateWriter(_buffer);
        _lastHeartbeatAt = time.GetTimestamp();

        // Ids start at the start time in ms × 1000, above any id an earlier run of the server can have given, so a
        // browser that resumes across a restart is reset rather than handed unrelated events under its old id.
        Ring = new FeedRing(Options.ReplayBufferEvents, time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
        FirstId = Ring.NextId;
        _pulsedLastId = Ring.LastId;
        _overviewPulsedLastId = Ring.LastId;
    }

    public SpectatorFeedOptions Options { get; }

    /// <summary>The replay buffer, read by the spectators.</summary>
    public FeedRing Ring { get; }

    /// <summary>The id of the first entry this log gives out; anything lower is from another run.</summary>
    public long FirstId { get; }

    public Task Changed => _signal.Changed;

    public Task OverviewChanged => _overviewSignal.Changed;

    public long Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>This log is the only one: it holds every id it gave.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Events skipped because they could not be written; each is also counted on <c>gameserver.feed.events.failed</c>.</summary>
    public long FailedEvents => Volatile.Read(ref _failedEvents);

    public bool IsCompleted => _completed;

    public void Publish(uint matchId, ReadOnlySpan<MatchFeedEvent> events, MatchSummary standings)
    {
        foreach (MatchFeedEvent feedEvent in events)
        {
            _pending.Enqueue(new PendingFeedEvent(matchId, feedEvent, standings, IsRemoval: false));
        }

        WakePump();
    }

    public void Remove(uint matchId, MatchSummary finalStandings)
    {
        _pending.Enqueue(new PendingFeedEvent(matchId, default, finalStandings, IsRemoval: true));
        WakePump();
    }

    /// <summary>This node began or stopped draining: the overview says so in a <c>node.draining</c> event.</summary>
    public void PublishNodeDraining(string node, bool draining)
    {
        _drainChanges.Enqueue(new NodeDrainChange(node, draining));
        WakePump();
    }

    /// <summary>Ends every stream (the server is stopping); browsers will reconnect to the next server.</summary>
    public void Complete()
    {
        _completed = true;
        _signal.Pulse();
        _overviewSignal.Pulse();
    }

    // One wake-up per batch of publishes: the pump resets the event, then clears the flag, before it drains the queue.
    internal void WakePump()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Set();
        }
    }
}
