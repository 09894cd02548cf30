using GameServer.Protocol;

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
        WorldState world = _match.World;
        var players = new List<PlayerStanding>();
        foreach (ref readonly EntityState e in world.Entities)
        {
            if (e.Kind == EntityKind.Player)
            {
                players.Add(new PlayerStanding(e.Id, e.Name ?? string.Empty, e.Score, e.Aux, IsConnected(e.Id)));
            }
        }

        players.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return new MatchSummary(Id, world.Phase, world.Tick, Math.Round(world.PhaseTicksLeft / (double)_tickRate, 1), Capacity, players);
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
