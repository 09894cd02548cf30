using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Spectators;

/// <summary>
/// Writes the <c>data:</c> JSON of each feed event (protocol.md, "Spectator feed"). Written by hand rather than
/// serialised by reflection so that the wire shape is visible in one place and costs no reflection per event.
/// </summary>
/// <remarks>
/// Player names are hostile: the encoder escapes every control character (CR, LF, NUL and the rest) and the HTML
/// characters, so a name can never end the <c>data:</c> line or start a field; other letters stay readable.
/// </remarks>
public static partial class FeedJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonWriterOptions s_options = new() { Encoder = Encoder };

    /// <summary>A writer with the feed's escaping, for one event's JSON.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, s_options);

    /// <summary>
    /// Writes the data of a match event and returns its event name; returns null, writing nothing, for an event the
    /// feed carries only through the coalesced <c>score</c> event (a score change).
    /// </summary>
    public static string? WriteEvent(Utf8JsonWriter writer, uint matchId, in MatchFeedEvent feedEvent, MatchSummary standings)
    {
        GameEvent e = feedEvent.Event;
        if (feedEvent.Presence != PresenceChange.None)
        {
            WriteHead(writer, matchId, e.Tick);
            WritePlayer(writer, "playerId", "name", e.Subject, feedEvent.SubjectName);
            if (feedEvent.Presence == PresenceChange.Disconnected)
            {
                writer.WriteNumber("graceSeconds", feedEvent.GraceSeconds);
                writer.WriteEndObject();
                return FeedEventNames.PlayerDisconnected;
            }

            writer.WriteEndObject();
            return FeedEventNames.PlayerResumed;
        }

        switch (e.Kind)
        {
            case GameEventKind.MatchStarted:
                // The game too: a scoreboard that learns of the match here, before any summary, words its events by it.
                WriteHead(writer, matchId, e.Tick);
                writer.WriteString("game", standings.Game);
                writer.WriteEndObject();
                return FeedEventNames.MatchStarted;
            case GameEventKind.PlayerJoined:
            case GameEventKind.PlayerLeft:
                WriteHead(writer, matchId, e.Tick);
                WritePlayer(writer, "playerId", "name", e.Subject, feedEvent.SubjectName);
                writer.WriteEndObject();
                return e.Kind == GameEventKind.PlayerJoined ? FeedEventNames.PlayerJoined : FeedEventNames.PlayerLeft;
            case GameEventKind.Kill:
                WriteHead(writer, matchId, e.Tick);
                WritePlayer(writer, "killerId", "killer", e.Subject, feedEvent.SubjectName);
                WritePlayer(writer, "victimId", "victim", e.Object, feedEvent.ObjectName);
                writer.WriteEndObject();
                return FeedEventNames.Kill;
            case GameEventKind.Pickup:
                WriteHead(writer, matchId, e.Tick);
                WritePlayer(writer, "playerId", "name", e.Subject, feedEvent.SubjectName);
                writer.WriteString("kind", feedEvent.ItemName ?? "unknown");
                writer.WriteEndObject();
                return FeedEventNames.Pickup;
            case GameEventKind.MatchEnded:
                WriteHead(writer, matchId, e.Tick);
                WritePlayer(writer, "winnerId", "winner", e.Subject, feedEvent.SubjectName);
                writer.WriteString("reason", EndReasonName(feedEvent.EndReason));
                WritePlayers(writer, standings.Players);
                writer.WriteEndObject();
                return FeedEventNames.MatchEnded;
            default:
                return null;
        }
    }

    /// <summary>The <c>score</c> event: a match's standings.</summary>
    public static void WriteScore(Utf8JsonWriter writer, MatchSummary standings)
    {
        WriteHead(writer, standings.Id, standings.Tick);
        writer.WriteString("phase", PhaseName(standings.Phase));
        writer.WriteNumber("secondsLeft", standings.SecondsLeft);
        WritePlayers(writer, standings.Players);
        writer.WriteEndObject();
    }

    /// <summary>The <c>match.removed</c> event.</summary>
    public static void WriteRemoved(Utf8JsonWriter writer, uint matchId)
    {
        writer.WriteStartObject();
        writer.WriteNumber("matchId", matchId);
        writer.WriteEndObject();
    }

    private static void WriteHead(Utf8JsonWriter writer, uint matchId, uint tick)
    {
        writer.WriteStartObject();
        writer.WriteNumber("matchId", matchId);
        writer.WriteNumber("tick", tick);
    }

    // Id 0 is "nobody" (the arena as a killer, no winner): its name is null, whatever the tick resolved.
    private static void WritePlayer(Utf8JsonWriter writer, string idName, string nameName, uint id, string? name)
    {
        writer.WriteNumber(idName, id);
        if (id == 0 || name is null)
        {
            writer.WriteNull(nameName);
        }
        else
        {
            writer.WriteString(nameName, name);
        }
    }
}
