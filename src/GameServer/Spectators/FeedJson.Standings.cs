using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Spectators;

public static partial class FeedJson
{
    /// <summary>The <c>reset</c> event: why, and a fresh scoreboard of the matches in scope (as <c>GET /matches</c> shows them).</summary>
    public static void WriteReset(Utf8JsonWriter writer, string reason, IEnumerable<MatchSummary> matches)
    {
        writer.WriteStartObject();
        writer.WriteString("reason", reason);
        writer.WriteStartArray("matches");
        foreach (MatchSummary match in matches)
        {
            WriteSummary(writer, match);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A <see cref="MatchSummary"/> with the names and values of the HTTP API's JSON.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, MatchSummary match)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", match.Id);
        writer.WriteString("game", match.Game);
        writer.WriteString("phase", PhaseName(match.Phase));
        writer.WriteNumber("tick", match.Tick);
        writer.WriteNumber("secondsLeft", match.SecondsLeft);
        writer.WriteNumber("capacity", match.Capacity);
        WritePlayers(writer, match.Players);
        writer.WriteEndObject();
    }

    private static void WritePlayers(Utf8JsonWriter writer, IReadOnlyList<PlayerStanding> players)
    {
        writer.WriteStartArray("players");
        foreach (PlayerStanding player in players)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", player.Id);
            writer.WriteString("name", player.Name);
            writer.WriteNumber("score", player.Score);
            writer.WriteNumber("kills", player.Kills);
            writer.WriteBoolean("connected", player.Connected);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // camelCase as JsonStringEnumConverter(JsonNamingPolicy.CamelCase) writes them for the HTTP API; no enum.ToString().
    internal static string PhaseName(MatchPhase phase) => phase switch
    {
        MatchPhase.Waiting => "waiting",
        MatchPhase.Countdown => "countdown",
        MatchPhase.Running => "running",
        MatchPhase.Ended => "ended",
        _ => "unknown",
    };

    private static string EndReasonName(MatchEndReason reason) => reason switch
    {
        MatchEndReason.Finished => "finished",
        MatchEndReason.Failed => "failed",
        MatchEndReason.Shutdown => "shutdown",
        MatchEndReason.NodeLost => "node-lost",
        MatchEndReason.Operator => "operator",
        _ => "unknown",
    };
}
