using System.Text.Json;
using GameServer.Matches;

namespace GameServer.Spectators;

public static partial class FeedJson
{
    /// <summary>
    /// The <c>summary</c> event: one short line per match (about 100 bytes), never its players, so that the overview
    /// stays light at a thousand matches; a match's own feed has its whole scoreboard.
    /// </summary>
    public static void WriteOverview(Utf8JsonWriter writer, IReadOnlyList<MatchSummary> matches)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("matches");
        foreach (MatchSummary match in matches)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", match.Id);
            writer.WriteString("game", match.Game);
            writer.WriteString("phase", PhaseName(match.Phase));
            writer.WriteNumber("players", match.Players.Count);
            writer.WriteNumber("capacity", match.Capacity);
            writer.WriteNumber("secondsLeft", match.SecondsLeft);

            // Standings are best first, so the leader is the first player; none while the match is empty.
            if (match.Players.Count > 0)
            {
                writer.WriteString("leader", match.Players[0].Name);
                writer.WriteNumber("leaderScore", match.Players[0].Score);
            }
            else
            {
                writer.WriteNull("leader");
                writer.WriteNull("leaderScore");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The <c>node.draining</c> event: <c>{"node":"...","draining":true}</c>.</summary>
    public static void WriteNodeDraining(Utf8JsonWriter writer, string node, bool draining)
    {
        writer.WriteStartObject();
        writer.WriteString("node", node);
        writer.WriteBoolean("draining", draining);
        writer.WriteEndObject();
    }
}
