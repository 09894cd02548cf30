using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Matches;

/// <summary>
/// The node's matches and the players seated in them, as gauges read from the live list at each collection: nothing
/// on the tick's path keeps them, so nothing can drift.
/// </summary>
public sealed class MatchGauges(IMeterFactory meterFactory, LocalMatches matches)
{
    private int _published;

    /// <summary>Creates the gauges, once; their series show from the first scrape on.</summary>
    public void Publish()
    {
        if (Interlocked.Exchange(ref _published, 1) != 0)
        {
            return;
        }

        Meter meter = meterFactory.Create(GameServerMeter.Name);
        meter.CreateObservableGauge("gameserver.matches", () => matches.Matches.Count, description: "Matches this node runs.");
        meter.CreateObservableGauge("gameserver.players", CountPlayers,
            description: "Players seated in this node's matches, those within their resume grace included.");
    }

    private int CountPlayers()
    {
        int players = 0;
        foreach (MatchHost match in matches.Matches)
        {
            players += match.Players.Count;
        }

        return players;
    }
}
