using GameServer.Tests.Spectators;

namespace GameServer.Tests.Cluster;

/// <summary>Reading a cluster's feed: the events of the log (those with ids) up to one a test waits for.</summary>
internal static class FeedEvents
{
    /// <summary>The logged events up to and including the first that satisfies <paramref name="last"/>.</summary>
    public static async Task<List<SseMessage>> ReadThroughAsync(SseClient feed, Predicate<SseMessage> last)
    {
        var events = new List<SseMessage>();
        SseMessage message;
        do
        {
            message = await feed.NextEventAsync();
            if (message.Id is not null)
            {
                events.Add(message);
            }
        }
        while (!last(message));

        return events;
    }

    public static Predicate<SseMessage> JoinOf(string name) =>
        message => message.Event == "player.joined" && message.Json.GetProperty("name").GetString() == name;

    /// <summary>True at the join of the last of <paramref name="names"/> to join, in whatever order they do.</summary>
    public static Predicate<SseMessage> AllJoined(params string[] names)
    {
        var waiting = new HashSet<string>(names);
        return message => message.Event == "player.joined" && waiting.Remove(message.Json.GetProperty("name").GetString()!) && waiting.Count == 0;
    }

    public static bool IsOf(SseMessage message, uint matchId) => message.Json.GetProperty("matchId").GetUInt32() == matchId;

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
