using System.Security.Cryptography;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Ticking;

namespace GameServer.Matches;

/// <summary>
/// The matches this node runs, by id: the one place a <see cref="MatchHost"/> is found, whatever placed its players.
/// Its lock is taken on opens, look-ups and removals only, never per tick or per message.
/// </summary>
public sealed partial class LocalMatches(TickLoop loop, GameCatalog games, MatchServices services, IMatchIds ids, ReplayRecorders recorders)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<uint, MatchHost> _matches = [];
    // The highest id opened here: with the in-process ids every id up to it was opened here.
    private uint _lastId;
    private IReadOnlyList<MatchHost> _snapshot = [];

    // Set once the node is stopping: matches opened after that (a join that raced the stop) end at once too.
    private MatchEndReason? _endingWith;
    private TaskCompletionSource? _emptied;

    /// <summary>A match was opened here; raised on the thread that opened it, before its first tick.</summary>
    public event Action? Opened;

    /// <summary>The games matches are opened with.</summary>
    public GameCatalog Games => games;

    /// <summary>The live matches, in id order.</summary>
    public IReadOnlyList<MatchHost> Matches => Volatile.Read(ref _snapshot);

    /// <summary>The live match with this id, or null.</summary>
    public MatchHost? Find(uint matchId)
    {
        lock (_lock)
        {
            return _matches.GetValueOrDefault(matchId);
        }
    }

    /// <summary>Whether a match with this id existed and has been removed.</summary>
    public bool WasRemoved(uint matchId)
    {
        lock (_lock)
        {
            return matchId >= 1 && matchId <= _lastId && !_matches.ContainsKey(matchId);
        }
    }

    /// <summary>Opens a new match of <paramref name="game"/> (null: the default game) with one seat reserved, and starts it ticking.</summary>
    /// <exception cref="ArgumentException">No game has that name.</exception>
    public async ValueTask<MatchHost> OpenWithSeatAsync(string? game = null, CancellationToken cancellationToken = default)
    {
        if (!games.TryFind(game, out string name, out MatchSimulationFactory createSimulation))
        {
            throw new ArgumentException($"No game is named \"{name}\" here ({string.Join(", ", games.Names)}).", nameof(game));
        }

        // Outside the lock, and awaited: a cluster's id source may have to ask Redis.
        uint id = await ids.NextAsync(cancellationToken);
        MatchHost match;
        lock (_lock)
        {
            _lastId = Math.Max(_lastId, id);
            ulong seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            IMatchSimulation simulation = createSimulation(id, seed);
            if (simulation.Schema.Game != name)
            {
                throw new InvalidOperationException($"The game registered as \"{name}\" made a match whose schema names \"{simulation.Schema.Game}\": Join and the schema must agree.");
            }

            match = new MatchHost(simulation, loop.TickRate, services, Remove, recorders.Start(simulation.Schema, id, seed, loop.TickRate));
            _matches.Add(id, match);
            Publish();
        }

        LogMatchCreated(services.Logger, match.Id);

        if (_endingWith is MatchEndReason reason)
        {
            match.RequestEnd(reason);
        }

        // The seat is reserved before the match's first tick: with no player and no seat, an empty-match timeout of
        // zero would end it before the joining player's command arrives.
        match.TryReserveSeat();
        Opened?.Invoke();
        loop.Add(match);
        return match;
    }

    /// <summary>
    /// Ends every match at its next tick, each telling the feed why, and waits until all are removed (or the token
    /// fires); for a node that is stopping. Players are not held: the gateway closes their connections meanwhile.
    /// </summary>
    public async Task EndAllAsync(MatchEndReason reason, CancellationToken cancellationToken)
    {
        Task emptied;
        lock (_lock)
        {
            _endingWith = reason;
            _emptied ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_matches.Count == 0)
            {
                _emptied.TrySetResult();
            }

            emptied = _emptied.Task;
        }

        foreach (MatchHost match in Matches)
        {
            match.RequestEnd(reason);
        }

        await emptied.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Remove(MatchHost match)
    {
        lock (_lock)
        {
            _matches.Remove(match.Id);
            Publish();
            if (_matches.Count == 0)
            {
                _emptied?.TrySetResult();
            }
        }

        LogMatchRemoved(services.Logger, match.Id);
    }

    private void Publish() => Volatile.Write(ref _snapshot, [.. _matches.Values]);

    [LoggerMessage(EventId = 40, EventName = "MatchCreated", Level = LogLevel.Information, Message = "Match {MatchId} created")]
    private static partial void LogMatchCreated(ILogger logger, uint matchId);

    [LoggerMessage(EventId = 41, EventName = "MatchRemoved", Level = LogLevel.Information, Message = "Match {MatchId} removed")]
    private static partial void LogMatchRemoved(ILogger logger, uint matchId);
}
