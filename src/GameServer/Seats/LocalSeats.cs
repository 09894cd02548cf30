using System.Collections.Concurrent;
using GameServer.Matches;
using Microsoft.Extensions.Options;

namespace GameServer.Seats;

/// <summary>
/// Seats POST /matchmaking reserved in this node's matches, by token. The match counts each as taken from the moment
/// it is reserved; the token is removed exactly once, by the Join that takes it or by the sweep that gives it back
/// after <see cref="MatchmakingOptions.SeatHoldTime"/>, so a seat is never both used and given back.
/// </summary>
public sealed class LocalSeats : IDisposable
{
    private readonly ConcurrentDictionary<string, HeldSeat> _held = new(StringComparer.Ordinal);
    private readonly LocalMatches _matches;
    private readonly TimeProvider _time;
    private readonly SeatMetrics _metrics;
    private readonly ITimer _sweep;

    public LocalSeats(LocalMatches matches, TimeProvider time, IOptions<MatchmakingOptions> options, SeatMetrics metrics)
    {
        _matches = matches;
        _time = time;
        _metrics = metrics;
        HoldTime = options.Value.SeatHoldTime;

        // A few sweeps per hold time, at most one a second: a seat is back in play soon after it expires.
        TimeSpan period = TimeSpan.FromTicks(Math.Min(HoldTime.Ticks / 4, TimeSpan.TicksPerSecond));
        _sweep = time.CreateTimer(static state => ((LocalSeats)state!).Sweep(), this, period, period);
    }

    /// <summary>How long a seat waits for its player.</summary>
    public TimeSpan HoldTime { get; }

    /// <summary>A token for a seat the matchmaker has already reserved in this match.</summary>
    public string Hold(uint matchId)
    {
        string token = SeatTokens.New();
        _held[token] = new HeldSeat(matchId, _time.GetTimestamp());
        return token;
    }

    /// <summary>The match of a live seat, removing the seat; false when it is unknown, used or expired.</summary>
    public bool TryTake(string token, out uint matchId)
    {
        matchId = 0;
        if (!_held.TryRemove(token, out HeldSeat seat))
        {
            return false;
        }

        if (IsExpired(seat))
        {
            GiveBack(seat);
            return false;
        }

        matchId = seat.MatchId;
        return true;
    }

    /// <summary>Gives back a taken seat that no Join will use.</summary>
    public void Release(uint matchId) => _matches.Find(matchId)?.ReleaseSeat();

    public void Dispose() => _sweep.Dispose();

    private void Sweep()
    {
        foreach (KeyValuePair<string, HeldSeat> entry in _held)
        {
            // Removing the pair, not the key: a Join taking the seat meanwhile wins, and the seat is not given back.
            if (IsExpired(entry.Value) && _held.TryRemove(entry))
            {
                GiveBack(entry.Value);
            }
        }
    }

    private bool IsExpired(HeldSeat seat) => _time.GetElapsedTime(seat.HeldAt) >= HoldTime;

    private void GiveBack(HeldSeat seat)
    {
        Release(seat.MatchId);
        _metrics.Expired();
    }
}
