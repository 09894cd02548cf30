namespace GameServer.Spectators;

/// <summary>
/// One event in the log, encoded once (JSON, UTF-8) when it is appended; every spectator writes the same bytes.
/// </summary>
public sealed class FeedEntry(long id, uint matchId, string eventName, byte[] data)
{
    public long Id { get; } = id;

    public uint MatchId { get; } = matchId;

    public string EventName { get; } = eventName;

    /// <summary>The <c>data:</c> line's JSON: one line, control characters escaped.</summary>
    public byte[] Data { get; } = data;

    /// <summary>The whole SSE event, formatted once; every stream that shows it writes these bytes.</summary>
    public byte[] Frame { get; } = SseFrames.Event(eventName, data, id);

    public bool IsRemoval => EventName == FeedEventNames.MatchRemoved;

    /// <summary>Whether <c>/events</c> shows it, worked out once rather than per spectator.</summary>
    public bool IsOverview { get; } = FeedEventNames.IsOverview(eventName);
}
