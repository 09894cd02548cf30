using System.Runtime.InteropServices;
using GameServer.Protocol.Schema;

namespace GameServer.Simulation.Tag;

/// <summary>
/// One Tag match: one player is "it" and chases the others on an open field; touching one passes "it" on. Pure and
/// deterministic like Arena's <see cref="Match"/>: integers only, one seeded PRNG, no clock. Only its owner (one tick
/// loop) may call it; it is not thread-safe.
/// </summary>
/// <remarks>
/// Lifecycle: Waiting (until <see cref="TagRules.MinPlayersToStart"/> players) → Countdown (back to Waiting if players
/// leave) → Running (until the time limit, or no players, as Arena) → Ended (final standings, everyone frozen) → closed.
/// Players may move in Waiting and Countdown (warm-up); nobody is "it" and nothing scores before Running.
/// </remarks>
public sealed partial class TagMatch : IMatchSimulation
{
    private readonly TagRules _rules;
    private readonly List<TagPlayer> _players = [];
    private readonly List<GameEvent> _events = [];

    // Built with the match: the connections' threads read it, so it is never made lazily.
    private readonly GameSchema _schema;
    private readonly MatchLifecycle _lifecycle;
    private Prng _prng;
    private uint _nextId = 1;

    /// <summary>Creates a match in the Waiting phase at tick 0.</summary>
    /// <param name="id">The host's id for the match.</param>
    /// <param name="seed">Seeds every chance in the match (spawns, who is "it").</param>
    /// <param name="rules">The rules; the match keeps a validated copy.</param>
    /// <exception cref="ArgumentException">A rule is out of range.</exception>
    public TagMatch(uint id, ulong seed, TagRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.Clone();
        _rules.Validate();
        Id = id;
        _prng = new Prng(seed);
        _schema = TagSchema.For(_rules);
        _lifecycle = new MatchLifecycle(_rules.MinPlayersToStart, _rules.CountdownTicks, _rules.TimeLimitTicks, _rules.EndedTicks);
    }

    public uint Id { get; }

    public GameSchema Schema => _schema;

    public uint Tick { get; private set; }

    public MatchPhase Phase => _lifecycle.Phase;

    public uint PhaseTicksLeft => _lifecycle.PhaseTicksLeft;

    /// <summary>True once the Ended phase has run out: the host removes the match, and <see cref="Step"/> does nothing more.</summary>
    public bool IsClosed => _lifecycle.IsClosed;

    public int PlayerCount => _players.Count;

    /// <summary>The events of <see cref="AddPlayer"/>, <see cref="RemovePlayer"/> and <see cref="Step"/> since the last <see cref="ClearEvents"/>, in order.</summary>
    public ReadOnlySpan<GameEvent> Events => CollectionsMarshal.AsSpan(_events);

    public void ClearEvents() => _events.Clear();

    /// <summary>A player's live state, for tests that set up a position: changing it bypasses the rules.</summary>
    internal TagPlayer Player(uint id) => _players[IndexOf(id)];

    /// <summary>Adds a player at a seeded spot, emits PlayerJoined; a joiner while running is not it and briefly immune.</summary>
    /// <returns>The player's id in inputs, events and the state.</returns>
    /// <exception cref="InvalidOperationException">The match is closed.</exception>
    public uint AddPlayer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsClosed)
        {
            throw new InvalidOperationException($"Match {Id} is closed; players can no longer join it.");
        }

        var player = new TagPlayer(_nextId++, name);
        _players.Add(player);
        PlaceAtSpawn(player);
        if (Phase == MatchPhase.Running)
        {
            player.ImmuneTicks = _rules.ImmunityTicks;
        }

        Emit(GameEventKind.PlayerJoined, player.Id);
        return player.Id;
    }

    /// <summary>Removes a player and emits PlayerLeft; if it was "it" while running, the PRNG picks another. An unknown id does nothing.</summary>
    public void RemovePlayer(uint playerId)
    {
        int index = IndexOf(playerId);
        if (index < 0)
        {
            return;
        }

        bool wasIt = _players[index].IsIt;
        _players.RemoveAt(index);
        Emit(GameEventKind.PlayerLeft, playerId);
        if (wasIt && Phase == MatchPhase.Running && _players.Count > 0)
        {
            MakeIt(_players[_prng.NextInt(_players.Count)]);
        }
    }

    /// <summary>Advances exactly one tick with this tick's inputs; a closed match ignores the call.</summary>
    /// <remarks>
    /// Inputs of unknown ids are ignored, as are those whose sequence is not above the player's last (stale or
    /// replayed; sequences start at 1). The latest valid movement holds until the next; movement applies once per tick.
    /// </remarks>
    public void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        if (IsClosed)
        {
            return;
        }

        Tick++;
        ApplyInputs(inputs);
        if (Phase != MatchPhase.Ended)
        {
            MovePlayers();
        }

        if (Phase == MatchPhase.Running)
        {
            CountDownImmunity();
            TagTouched();
            ScoreRunners();
        }

        AdvancePhase();
    }

    private void Emit(GameEventKind kind, uint subject, uint obj = 0, int value = 0) =>
        _events.Add(new GameEvent(Tick, kind, subject, obj, value));

    /// <summary>The index of the player with <paramref name="id"/>, or -1; a linear search, as a match holds few players.</summary>
    private int IndexOf(uint id)
    {
        for (int i = 0; i < _players.Count; i++)
        {
            if (_players[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
