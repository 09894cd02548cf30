using GameServer.Connections;
using GameServer.Matches;
using GameServer.Spectators;

namespace GameServer.Admin;

/// <summary>This node's live matches and their players as the admin API shows them, from what each match publishes for other threads.</summary>
internal sealed class MatchStats(LocalMatches matches, TimeProvider time)
{
    /// <summary>Takes each match's tick cost and each player's traffic over the last second (the sampler's thread only, once a second).</summary>
    public void Sample(long now)
    {
        foreach (MatchHost match in matches.Matches)
        {
            match.Cost.Sample(time.TimestampFrequency);
            foreach (PlayerSlot slot in match.Players)
            {
                if (slot.Connection is PlayerConnection connection)
                {
                    connection.Traffic.Sample(connection.Sender.BytesSent, now, time);
                }
            }
        }
    }

    public List<AdminMatch> Matches()
    {
        var live = new List<AdminMatch>();
        foreach (MatchHost match in matches.Matches)
        {
            MatchSummary summary = match.Summary;
            live.Add(new AdminMatch(match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Game, FeedJson.PhaseName(summary.Phase),
                summary.SecondsLeft, summary.Players.Count, match.Capacity, Math.Round(match.Cost.MeanMicroseconds, 1)));
        }

        return live;
    }

    /// <summary>The match's seated players, connected or not; null when no live match has that id.</summary>
    public List<AdminPlayer>? Players(uint matchId)
    {
        if (matches.Find(matchId) is not MatchHost match)
        {
            return null;
        }

        IReadOnlyList<PlayerStanding> standings = match.Summary.Players;
        var players = new List<AdminPlayer>();
        foreach (PlayerSlot slot in match.Players)
        {
            PlayerConnection? connection = slot.Connection;
            double lag = slot.Inputs.MeanLag;
            players.Add(new AdminPlayer(
                slot.PlayerId,
                slot.Name,
                connection?.Sender.RoundTrip is TimeSpan rtt ? Math.Round(rtt.TotalMilliseconds, 2) : null,
                double.IsNaN(lag) ? null : Math.Round(lag * 1000 / time.TimestampFrequency, 2),
                connection?.Traffic.BytesInPerSecond ?? 0,
                connection?.Traffic.BytesOutPerSecond ?? 0,
                slot.Resyncs,
                ScoreOf(standings, slot.PlayerId)));
        }

        return players;
    }

    private static int ScoreOf(IReadOnlyList<PlayerStanding> standings, uint playerId)
    {
        foreach (PlayerStanding standing in standings)
        {
            if (standing.Id == playerId)
            {
                return standing.Score;
            }
        }

        return 0;
    }
}
