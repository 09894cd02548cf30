using System.Collections;
using GameServer.Matches;

namespace GameServer.Tests.Spectators;

/// <summary>A standings list that throws when the feed enumerates it: an event whose JSON fails halfway through writing.</summary>
internal sealed class ThrowingStandings : IReadOnlyList<PlayerStanding>
{
    public int Count => 1;

    public PlayerStanding this[int index] => throw Failure();

    /// <summary>A scoreboard whose players cannot be written.</summary>
    public static MatchSummary Summary(uint matchId) => new(matchId, "arena", Protocol.MatchPhase.Running, 100, 120.5, 16, new ThrowingStandings());

    public IEnumerator<PlayerStanding> GetEnumerator() => throw Failure();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static InvalidOperationException Failure() => new("The standings cannot be read (on purpose, in a test).");
}
