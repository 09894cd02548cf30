using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>A match event with the names of the players it involves, resolved on the tick that owns them.</summary>
/// <remarks>
/// With <see cref="Presence"/> set it is the host's own news, not the game's: a player's connection dropped (its seat
/// held for <see cref="GraceSeconds"/>) or came back; <see cref="Event"/> then carries only the tick and the player.
/// </remarks>
public readonly record struct MatchFeedEvent(GameEvent Event, string? SubjectName, string? ObjectName)
{
    /// <summary>A connection change of the subject; <see cref="PresenceChange.None"/> for the game's events.</summary>
    public PresenceChange Presence { get; init; }

    /// <summary>How long a disconnected player's seat is held for a resume, in seconds.</summary>
    public double GraceSeconds { get; init; }

    /// <summary>The game's name of the item a pickup event's value names; null when it has none.</summary>
    public string? ItemName { get; init; }

    /// <summary>Why the match ended, for a match-ended event.</summary>
    public MatchEndReason EndReason { get; init; }

    /// <summary>The subject's connection changed at this tick.</summary>
    public static MatchFeedEvent ForPresence(PresenceChange presence, uint tick, uint playerId, string name, TimeSpan grace) =>
        new(new GameEvent(tick, default, playerId, 0, 0), name, null) { Presence = presence, GraceSeconds = grace.TotalSeconds };

    /// <summary>The end of a match that did not run its course (<paramref name="reason"/> is not Finished): no winner.</summary>
    public static MatchFeedEvent Ended(uint tick, MatchEndReason reason) =>
        new(new GameEvent(tick, GameEventKind.MatchEnded, 0, 0, 0), null, null) { EndReason = reason };
}
