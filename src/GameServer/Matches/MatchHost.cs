using System.Collections.Concurrent;
using GameServer.Protocol;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Ticking;

namespace GameServer.Matches;

/// <summary>
/// Runs one match on the tick loop: the only writer of its state. Each tick it applies the connections' commands,
/// drains the players' inputs, steps the simulation, encodes the delta once and hands the same bytes to every player.
/// </summary>
public sealed partial class MatchHost : ITickTarget
{
    private readonly IMatchSimulation _match;
    private readonly MatchServices _services;
    private readonly Action<MatchHost> _onRemoved;
    private readonly int _tickRate;
    private readonly ConcurrentQueue<MatchCommand> _commands = new();
    private readonly List<PlayerSlot> _slots = [];
    private readonly List<MatchFeedEvent> _feedEvents = [];

    // Every player the match has had, so events about one who has left still name it.
    private readonly Dictionary<uint, string> _names = [];
    private readonly PlayerInput[] _inputs;
    private readonly MatchRecorder? _recorder;
    private readonly MatchWire _wire;
    private readonly Func<ulong> _hashState;

    // A copy of _slots for other threads (the admin API), replaced on every join and leave.
    private PlayerSlot[] _players = [];
    private int _reservedSeats;
    private long _emptySince;
    private long _lastSummaryAt;
    private uint _tick;
    private volatile bool _closing;
    private volatile bool _sentLastFrame;

    /// <param name="recorder">Records the match for replays; null when recording is off.</param>
    public MatchHost(IMatchSimulation simulation, int tickRate, MatchServices services, Action<MatchHost> onRemoved, MatchRecorder? recorder = null)
    {
        _recorder = recorder;
        _services = services;
        _onRemoved = onRemoved;
        _tickRate = tickRate;
        Capacity = services.Matchmaking.Capacity;
        _match = simulation;
        _inputs = new PlayerInput[Capacity * services.Matchmaking.MaxInputsPerTick];
        _wire = new MatchWire(simulation);
        _hashState = simulation.ComputeHash;
        _emptySince = services.Time.GetTimestamp();
        Summary = BuildSummary();
    }

    public uint Id => _match.Id;

    /// <summary>The game's name (its schema's), which quick joins look for; safe from any thread.</summary>
    public string Game => _match.Schema.Game;

    public int Capacity { get; }

    /// <summary>The game's wire schema, which v2 players' inputs are read by; safe from any thread.</summary>
    public Protocol.Schema.GameSchema Schema => _match.Schema;

    /// <summary>Whether v1 clients can play this match's game (Arena's state is v1's entity world); safe from any thread.</summary>
    public bool ServesVersion1 => _wire.ServesVersion1;

    /// <summary>
    /// How an Input from a player of protocol <paramref name="version"/> reads in this match: by its schema on v2, by
    /// the game's own v1 layout on v1; null when the game is not served on that version. Safe from any thread.
    /// </summary>
    public InputLayout? InputLayoutFor(int version) =>
        version == ProtocolConstants.Version2 ? _match.Schema.InputLayout : ServesVersion1 ? Version1Frames.Input : null;

    /// <summary>The latest scoreboard, safe to read from any thread.</summary>
    public MatchSummary Summary { get; private set; }

    /// <summary>Whether the match takes new players: not full, not ended, not being removed.</summary>
    /// <summary>The match's last frame is going out: a player told by it may send Join before <see cref="Shut"/> hands it back.</summary>
    public bool HasSentLastFrame => _sentLastFrame;

    public bool IsOpen => !_closing && Volatile.Read(ref _reservedSeats) < Capacity && Summary.Phase != MatchPhase.Ended;

    /// <summary>Seats reserved or taken.</summary>
    public int Seats => Volatile.Read(ref _reservedSeats);

    /// <summary>Reserves a seat for a joining player; the seat is taken by its Join or given back with <see cref="ReleaseSeat"/>.</summary>
    /// <param name="heldElsewhere">Seats other nodes hold in this match for players on their way (a cluster's reservations).</param>
    public bool TryReserveSeat(int heldElsewhere = 0)
    {
        while (true)
        {
            int seats = Volatile.Read(ref _reservedSeats);
            if (_closing || seats + heldElsewhere >= Capacity || Summary.Phase == MatchPhase.Ended)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _reservedSeats, seats + 1, seats) == seats)
            {
                return true;
            }
        }
    }

    /// <summary>Gives back a seat reserved with <see cref="TryReserveSeat"/> that no Join will take (its holder never came).</summary>
    public void ReleaseSeat() => Interlocked.Decrement(ref _reservedSeats);

    /// <summary>What its ticks cost, for the admin console.</summary>
    public MatchTickCost Cost { get; } = new();

    /// <summary>The players seated, connected or not; rebuilt on joins and leaves only, safe to read from any thread.</summary>
    public IReadOnlyList<PlayerSlot> Players => Volatile.Read(ref _players);

    /// <summary>The match's current tick, for Pong; safe to read from any thread.</summary>
    public uint Tick => Volatile.Read(ref _tick);

    public void Enqueue(in MatchCommand command)
    {
        _commands.Enqueue(command);

        // With Shut's barrier, a Dekker pair: either Shut's drain sees this command or this read sees the flag, so a
        // Join racing the close is always answered. Without both barriers each side could read the other's stale
        // value (a store may pass a later load), stranding the connection in Joining.
        Interlocked.MemoryBarrier();
        if (_closing)
        {
            RejectPendingJoins();
        }
    }

    public bool RunTick()
    {
        if (_endRequested >= 0)
        {
            EndEarly((MatchEndReason)_endRequested, null);
            return false;
        }

        long now = _services.Time.GetTimestamp();
        ApplyCommands(now);
        if (!_kicks.IsEmpty)
        {
            ApplyKicks();
        }

        ReadOnlySpan<PlayerInput> inputs = CollectInputs(now);
        _recorder?.Stepping(_match.Tick + 1, inputs);
        _match.Step(inputs);
        _recorder?.Stepped(_match.Tick, _hashState);
        Volatile.Write(ref _tick, _match.Tick);

        // The scoreboard is refreshed before the players hear of the tick, so nobody can see it older than a delta.
        RefreshSummary(now);
        _sentLastFrame = _match.IsClosed;
        Broadcast(now);
        ExpireDisconnected(now);
        Cost.Add(_services.Time.GetTimestamp() - now);

        if (_match.IsClosed || IsAbandoned(now))
        {
            Shut(null);
            return false;
        }

        return true;
    }

    // The shard has logged the exception; the match only has to end cleanly for its players.
    public void OnTickFailed(Exception exception)
    {
        EndEarly(MatchEndReason.Failed, new ErrorMessage(ErrorCode.MatchFailed, "The match failed on the server and was ended; join another."));
    }

    private ReadOnlySpan<PlayerInput> CollectInputs(long now)
    {
        int count = 0;
        int perPlayer = _services.Matchmaking.MaxInputsPerTick;
        foreach (PlayerSlot slot in _slots)
        {
            count += slot.Inputs.Drain(slot.PlayerId, _inputs.AsSpan(count, Math.Min(perPlayer, _inputs.Length - count)), now);
        }

        return _inputs.AsSpan(0, count);
    }

    private bool IsAbandoned(long now)
    {
        if (_slots.Count > 0 || Volatile.Read(ref _reservedSeats) > 0)
        {
            _emptySince = now;
            return false;
        }

        return _services.Time.GetElapsedTime(_emptySince, now) >= _services.Matchmaking.EmptyMatchTimeout;
    }

    /// <summary>Ends the match for its players (with an error when it failed) and takes it off the matchmaker.</summary>
    private void Shut(ErrorMessage? error)
    {
        _closing = true;
        Interlocked.MemoryBarrier();
        _recorder?.Ended();

        // In the feed before the node lets the match go: a stopping node waits for its matches to go, then stops
        // the feed, which must hold every removal by then.
        _services.Events.Remove(Id, BuildSummary());

        // Off the matchmaker before the players hear of it: one told of the end may join again at once.
        _onRemoved(this);
        foreach (PlayerSlot slot in _slots)
        {
            _services.Resumes.Unregister(slot.Token);
            slot.Connection?.OnMatchClosed(this, error);
        }

        _slots.Clear();
        PublishPlayers();
        RejectPendingJoins();
    }

    /// <summary>Answers joins that reached a match which has stopped ticking; safe from any thread.</summary>
    private void RejectPendingJoins()
    {
        while (_commands.TryDequeue(out MatchCommand command))
        {
            if (command.Kind is MatchCommandKind.Join or MatchCommandKind.Resume)
            {
                command.Connection.OnJoinRejected(new ErrorMessage(ErrorCode.MatchFull, "The match has ended; join again."));
            }
        }
    }
}
