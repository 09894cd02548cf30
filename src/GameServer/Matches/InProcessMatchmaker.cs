using System.Security.Cryptography;
using GameServer.Ticking;

namespace GameServer.Matches;

/// <summary>Matchmaking inside this process. Its lock is taken on joins and removals only, never per tick or per message.</summary>
public sealed partial class InProcessMatchmaker(TickLoop loop, MatchSimulationFactory createSimulation, MatchServices services) : IMatchmaker
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<uint, MatchHost> _matches = [];
    private uint _lastId;
    private IReadOnlyList<MatchHost> _snapshot = [];

    public IReadOnlyList<MatchHost> Matches => Volatile.Read(ref _snapshot);

    public MatchHost QuickJoin()
    {
        lock (_lock)
        {
            MatchHost? best = null;
            foreach (MatchHost match in _matches.Values)
            {
                if (match.IsOpen && (best is null || match.Seats > best.Seats))
                {
                    best = match;
                }
            }

            if (best is not null && best.TryReserveSeat())
            {
                return best;
            }

            // The seat is reserved before the match's first tick: with no player and no seat, an empty-match timeout
            // of zero would end it before the joining player's command arrives.
            MatchHost created = Create();
            created.TryReserveSeat();
            loop.Add(created);
            return created;
        }
    }

    public JoinOutcome TryJoin(uint matchId, out MatchHost? match)
    {
        match = Find(matchId);
        if (match is null)
        {
            return JoinOutcome.NotFound;
        }

        return match.TryReserveSeat() ? JoinOutcome.Joined : JoinOutcome.Full;
    }

    public MatchHost? Find(uint matchId)
    {
        lock (_lock)
        {
            return _matches.GetValueOrDefault(matchId);
        }
    }

    public bool WasRemoved(uint matchId)
    {
        lock (_lock)
        {
            return matchId >= 1 && matchId <= _lastId && !_matches.ContainsKey(matchId);
        }
    }

    /// <summary>A new match, listed but not yet ticking: the caller hands it to the loop.</summary>
    private MatchHost Create()
    {
        uint id = ++_lastId;
        ulong seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var match = new MatchHost(createSimulation(id, seed), loop.TickRate, services, Remove);
        _matches.Add(id, match);
        Publish();
        LogMatchCreated(services.Logger, id);
        return match;
    }

    private void Remove(MatchHost match)
    {
        lock (_lock)
        {
            _matches.Remove(match.Id);
            Publish();
        }

        LogMatchRemoved(services.Logger, match.Id);
    }

    private void Publish() => Volatile.Write(ref _snapshot, [.. _matches.Values]);

    [LoggerMessage(EventId = 40, EventName = "MatchCreated", Level = LogLevel.Information, Message = "Match {MatchId} created")]
    private static partial void LogMatchCreated(ILogger logger, uint matchId);

    [LoggerMessage(EventId = 41, EventName = "MatchRemoved", Level = LogLevel.Information, Message = "Match {MatchId} removed")]
    private static partial void LogMatchRemoved(ILogger logger, uint matchId);
}
