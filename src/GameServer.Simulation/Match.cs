using System.Runtime.InteropServices;
using GameServer.Protocol.Schema;

namespace GameServer.Simulation;

/// <summary>
/// One Arena match: a top-down 2D shooter, pure and deterministic. The same seed, rules and sequence of calls give
/// the same <see cref="WorldState.ComputeHash"/> on every platform: no clock, no I/O, no floating point in the
/// step, one seeded PRNG. Only its owner (one tick loop) may call it; it is not thread-safe.
/// </summary>
/// <remarks>
/// Lifecycle: Waiting (until <see cref="ArenaRules.MinPlayersToStart"/> players) → Countdown → Running (until the
/// time limit, the score limit, or no players) → Ended (final standings) → closed. In Waiting and Countdown players
/// may move and aim (warm-up) but not fire; nothing scores and nothing spawns before Running. Running starts with
/// every player respawned at a spawn point with full health and spawn protection.
/// </remarks>
public sealed partial class Match : IEntityWorldSimulation
{
    private readonly ArenaRules _rules;
    private readonly WorldState _world = new();
    private readonly List<PlayerSlot> _players = [];
    private readonly List<GameEvent> _events = [];

    // Built with the match: the connections' threads read it, so it is never made lazily.
    private readonly GameSchema _schema;
    private readonly MatchLifecycle _lifecycle;
    private Prng _prng;
    private uint _nextId = 1;

    /// <summary>Creates a match in the Waiting phase at tick 0.</summary>
    /// <param name="id">The host's id for the match.</param>
    /// <param name="seed">Seeds every chance in the match (spawn choice, pickups).</param>
    /// <param name="rules">The rules; the match keeps a validated copy.</param>
    /// <exception cref="ArgumentException">A rule is out of range.</exception>
    public Match(uint id, ulong seed, ArenaRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.Clone();
        _rules.Validate();
        Id = id;
        _prng = new Prng(seed);
        _targets = new TargetHistory(_rules.LagCompensationTicks);
        _schema = ArenaSchema.For(_rules);
        _lifecycle = new MatchLifecycle(_rules.MinPlayersToStart, _rules.CountdownTicks, _rules.TimeLimitTicks, _rules.EndedTicks);
    }

    public uint Id { get; }

    /// <summary>The current state in wire units; <see cref="WorldState.Tick"/> is the match tick. Do not modify it.</summary>
    public WorldState World => _world;

    /// <summary>The phase, the same as <see cref="WorldState.Phase"/>.</summary>
    public MatchPhase Phase => _world.Phase;

    /// <summary>True once the Ended phase has run out: the host removes the match, and <see cref="Step"/> does nothing more.</summary>
    public bool IsClosed => _lifecycle.IsClosed;

    public int PlayerCount => _players.Count;

    /// <summary>The id the next entity will get: tests count entities that came and went within one step with it.</summary>
    internal uint NextEntityId => _nextId;

    /// <summary>The rules the match plays by: its own copy, internal because changing it mid-match would bypass validation.</summary>
    internal ArenaRules Rules => _rules;

    /// <summary>
    /// The events since the last <see cref="ClearEvents"/>: those of <see cref="AddPlayer"/>,
    /// <see cref="RemovePlayer"/> and <see cref="Step"/>, in the order they happened. The host forwards them, then clears.
    /// </summary>
    public ReadOnlySpan<GameEvent> Events => CollectionsMarshal.AsSpan(_events);

    /// <summary>Forgets the events forwarded so far.</summary>
    public void ClearEvents() => _events.Clear();

    /// <summary>Adds a player: spawns its entity (alive, full health) at a spawn point, emits PlayerJoined.</summary>
    /// <returns>The player's entity id, which is also its id in inputs and events.</returns>
    /// <exception cref="InvalidOperationException">The match is closed.</exception>
    public uint AddPlayer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsClosed)
        {
            throw new InvalidOperationException($"Match {Id} is closed; players can no longer join it.");
        }

        uint id = _nextId++;
        var slot = new PlayerSlot(id, name);
        _players.Add(slot);
        _world.Append(new EntityState { Id = id, Kind = EntityKind.Player, Name = name });
        ref EntityState entity = ref _world.Get(id);
        if (_world.Phase == MatchPhase.Ended)
        {
            // Late joiners watch the final standings alive but frozen, like everyone else.
            entity.Flags = EntityFlags.Alive;
            entity.Health = _rules.MaxHealth;
            PlaceAtSpawn(ref entity, ChooseSpawnPoint(id));
        }
        else
        {
            Spawn(slot, ref entity, ChooseSpawnPoint(id));
        }

        Emit(GameEventKind.PlayerJoined, id);
        return id;
    }

    /// <summary>Removes a player's entity (its projectiles fly on) and emits PlayerLeft; an unknown id does nothing.</summary>
    public void RemovePlayer(uint playerId)
    {
        int slotIndex = FindSlotIndex(playerId);
        if (slotIndex < 0)
        {
            return;
        }

        _players.RemoveAt(slotIndex);
        _world.Remove(playerId);
        Emit(GameEventKind.PlayerLeft, playerId);
    }

    /// <summary>Advances exactly one tick with this tick's inputs, in arrival order.</summary>
    /// <remarks>
    /// Inputs are validated, never trusted: unknown ids are ignored; a sequence not above the player's
    /// <see cref="EntityState.LastInputSequence"/> is stale or replayed and ignored (so sequences start at 1); the
    /// latest valid input's movement (clamped to length 127) and aim hold until the next one; Fire fires if any valid
    /// input of the tick had it, limited by <see cref="ArenaRules.FireCooldownTicks"/>; a dead player's inputs are
    /// acknowledged but do nothing. Movement is applied once per tick, so more inputs never mean more speed.
    /// A closed match ignores the call.
    /// </remarks>
    public void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        if (IsClosed)
        {
            return;
        }

        _world.Tick++;
        ApplyInputs(inputs);
        switch (_world.Phase)
        {
            case MatchPhase.Waiting:
            case MatchPhase.Countdown:
                UpdatePlayers(combat: false);
                break;
            case MatchPhase.Running:
                ExpireProjectiles();
                UpdatePlayers(combat: true);
                UpdateProjectiles();
                UpdatePickups();
                break;
        }

        AdvancePhase();
    }

    private void Emit(GameEventKind kind, uint subject, uint obj = 0, int value = 0) =>
        _events.Add(new GameEvent(_world.Tick, kind, subject, obj, value));

    /// <summary>Binary search of the id-sorted players: the index, or a negative number.</summary>
    private int FindSlotIndex(uint id)
    {
        int lo = 0;
        int hi = _players.Count - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            uint midId = _players[mid].Id;
            if (midId == id)
            {
                return mid;
            }

            if (midId < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
