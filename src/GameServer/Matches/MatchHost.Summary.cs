using System.Buffers;
using GameServer.Simulation;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    private static readonly TimeSpan s_summaryRefresh = TimeSpan.FromSeconds(1);

    /// <summary>Rebuilds the scoreboard when an event (or a connection change) changed it, else once a second for the clock: never per tick.</summary>
    private void RefreshSummary(long now)
    {
        if (_match.Events.Length > 0 || _feedEvents.Count > 0 || _services.Time.GetElapsedTime(_lastSummaryAt, now) >= s_summaryRefresh)
        {
            Summary = BuildSummary();
            _lastSummaryAt = now;
        }
    }

    private MatchSummary BuildSummary()
    {
        Standing[] standings = ArrayPool<Standing>.Shared.Rent(Math.Max(Capacity, 1));
        int count = _match.GetStandings(standings);
        var players = new List<PlayerStanding>(count);
        foreach (Standing standing in standings.AsSpan(0, count))
        {
            players.Add(new PlayerStanding(standing.PlayerId, standing.Name, standing.Score, standing.Kills, IsConnected(standing.PlayerId)));
        }

        ArrayPool<Standing>.Shared.Return(standings, clearArray: true);
        return new MatchSummary(Id, Game, _match.Phase, _match.Tick, Math.Round(_match.PhaseTicksLeft / (double)_tickRate, 1), Capacity, players);
    }

    private bool IsConnected(uint playerId)
    {
        foreach (PlayerSlot slot in _slots)
        {
            if (slot.PlayerId == playerId)
            {
                return slot.Connection is not null;
            }
        }

        return false;
    }
}
