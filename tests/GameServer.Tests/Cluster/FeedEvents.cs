using System.Text.Json;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>Reading a cluster's feed: the events of the log (those with ids) up to one a test waits for.</summary>
internal static class FeedEvents
{
    /// <summary>The logged events up to and including the first that satisfies <paramref name="last"/>, within the patience of a test.</summary>
    public static async Task<List<SseMessage>> ReadThroughAsync(SseClient feed, Predicate<SseMessage> last)
    {
        // Heartbeats keep a stream alive for ever: a test that waits for an event that never comes must fail, not hang.
        using var deadline = new CancellationTokenSource(2 * TestPlayer.Patience);
        var events = new List<SseMessage>();
        SseMessage message;
        do
        {
            message = await feed.NextEventAsync().WaitAsync(deadline.Token);
            if (message.Id is not null)
            {
                events.Add(message);
            }
        }
        while (!last(message));

        return events;
    }

    /// <summary>The overview carries the matches' lifecycle: a cluster test's match (one player starts it) shows by its start.</summary>
    public static Predicate<SseMessage> StartOf(uint matchId) =>
        message => message.Event == "match.started" && IsOf(message, matchId);

    /// <summary>True at the start of the last of <paramref name="matchIds"/> to start, in whatever order they do.</summary>
    public static Predicate<SseMessage> AllStarted(params uint[] matchIds)
    {
        var waiting = new HashSet<uint>(matchIds);
        return message => message.Event == "match.started" && waiting.Remove(message.Json.GetProperty("matchId").GetUInt32()) && waiting.Count == 0;
    }

    /// <summary>Whether the event is about the match; the overview's <c>summary</c> (every few seconds) and <c>node.draining</c> are about none.</summary>
    public static bool IsOf(SseMessage message, uint matchId) =>
        message.Json.TryGetProperty("matchId", out JsonElement id) && id.GetUInt32() == matchId;

    /// <summary>What a reader can compare across nodes: every field of each block, the id included.</summary>
    public static string[] Blocks(IEnumerable<SseMessage> events) => [.. events.Select(static e => string.Join('\n', e.Lines))];

    public static void AssertIdsIncrease(IReadOnlyList<SseMessage> events)
    {
        for (int i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].IdValue > events[i - 1].IdValue, $"Id {events[i].Id} ({events[i].Event}) follows {events[i - 1].Id} ({events[i - 1].Event}).");
        }
    }
}
