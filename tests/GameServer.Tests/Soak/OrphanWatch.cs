using GameServer.Matches;

namespace GameServer.Tests.Soak;

/// <summary>
/// Polls every match's scoreboard and remembers each player seen disconnected since when: a player still
/// disconnected well past the grace period is an orphan, a slot the server forgot to expire.
/// </summary>
internal sealed class OrphanWatch
{
    private readonly Dictionary<(uint Match, uint Player), DateTime> _disconnectedSince = [];
    private readonly Dictionary<(uint Match, uint Player), TimeSpan> _orphans = [];

    public int DisconnectedSeen { get; private set; }

    public IReadOnlyDictionary<(uint Match, uint Player), TimeSpan> Orphans => _orphans;

    public async Task RunAsync(TestServer server, TimeSpan limit, CancellationToken cancellationToken)
    {
        var matchmaker = server.GetService<LocalMatches>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Observe(matchmaker.Matches, limit);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Observe(IReadOnlyList<MatchHost> matches, TimeSpan limit)
    {
        DateTime now = DateTime.UtcNow;
        var seen = new HashSet<(uint, uint)>();
        foreach (MatchHost match in matches)
        {
            foreach (PlayerStanding player in match.Summary.Players)
            {
                if (!player.Connected)
                {
                    seen.Add((match.Id, player.Id));
                }
            }
        }

        foreach ((uint, uint) key in _disconnectedSince.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _disconnectedSince.Remove(key);
        }

        foreach ((uint, uint) key in seen)
        {
            if (_disconnectedSince.TryAdd(key, now))
            {
                DisconnectedSeen++;
            }
            else if (now - _disconnectedSince[key] > limit)
            {
                _orphans[key] = now - _disconnectedSince[key];
            }
        }
    }
}
