using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>
/// Resumption with Last-Event-ID (header or query): exactly the events after the id, then live ones; a reset with a
/// fresh scoreboard when the id has left the (here small) buffer or was never given. Events are published into the
/// log directly, for a match that exists only there, so that each test knows every entry (match.started, which
/// <c>/events</c> carries and which no score is coalesced into).
/// </summary>
public sealed class SpectatorResumeTests : IAsyncLifetime
{
    private const uint LogOnlyMatch = 900;
    private const int Buffer = 8;

    private TestServer _server = null!;
    private IMatchEventLog _log = null!;

    public async Task InitializeAsync()
    {
        _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
        {
            ["Spectators:ReplayBufferEvents"] = Buffer.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // No summary in the middle of a replay that a test compares event for event.
            ["Spectators:SummaryInterval"] = "00:10:00",
        });
        _log = _server.GetService<IMatchEventLog>();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Resume_WithinTheBuffer_ReplaysExactlyTheEventsAfterTheIdThenLiveOnes(bool header)
    {
        await using SseClient first = await SseClient.OpenAsync(_server, "/events");
        List<SseMessage> original = await PublishAndReadAsync(first, 5);

        string after = original[1].Id!;
        await using SseClient resumed = header
            ? await SseClient.OpenAsync(_server, "/events", lastEventIdHeader: after)
            : await SseClient.OpenAsync(_server, $"/events?lastEventId={after}");

        foreach (SseMessage expected in original.Skip(2))
        {
            SseMessage replayed = await NextOfLogOnlyMatchAsync(resumed);
            Assert.Equal((expected.Event, expected.Id, expected.Data), (replayed.Event, replayed.Id, replayed.Data));
        }

        SseMessage live = (await PublishAndReadAsync(first, 1)).Single();
        SseMessage next = await resumed.NextEventAsync();
        Assert.Equal((live.Id, live.Data), (next.Id, next.Data));
    }

    [Fact]
    public async Task Resume_WithTheHeaderAndAStaleQuery_TheHeaderWins()
    {
        await using SseClient first = await SseClient.OpenAsync(_server, "/events");
        List<SseMessage> original = await PublishAndReadAsync(first, 3);

        await using SseClient resumed = await SseClient.OpenAsync(_server, $"/events?lastEventId={original[0].Id}", lastEventIdHeader: original[1].Id);

        Assert.Equal(original[2].Id, (await resumed.NextEventAsync()).Id);
    }

    [Fact]
    public async Task Resume_OlderThanTheBuffer_GetsResetWithAFreshScoreboardThenLiveEvents()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using SseClient first = await SseClient.OpenAsync(_server, "/events");
        List<SseMessage> original = await PublishAndReadAsync(first, Buffer + 4);

        await using SseClient resumed = await SseClient.OpenAsync(_server, "/events", lastEventIdHeader: original[0].Id);

        SseMessage reset = await resumed.NextEventAsync();
        Assert.Equal("reset", reset.Event);
        Assert.Contains("older than the replay buffer", reset.Json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        System.Text.Json.JsonElement match = Assert.Single(reset.Json.GetProperty("matches").EnumerateArray().ToList());
        Assert.Equal(ada.Welcome.MatchId, match.GetProperty("id").GetUInt32());
        Assert.Equal("Ada", match.GetProperty("players")[0].GetProperty("name").GetString());
        Assert.True(reset.IdValue >= original[^1].IdValue);

        SseMessage live = (await PublishAndReadAsync(first, 1)).Single();
        SseMessage next = await NextOfLogOnlyMatchAsync(resumed);
        Assert.Equal(live.Id, next.Id);
        Assert.True(next.IdValue > reset.IdValue);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("1")]
    [InlineData("99999999999999999")]
    public async Task Resume_WithAnIdThisServerNeverGave_GetsReset(string lastEventId)
    {
        await using SseClient resumed = await SseClient.OpenAsync(_server, "/events", lastEventIdHeader: lastEventId);

        SseMessage reset = await resumed.NextEventAsync();

        Assert.Equal("reset", reset.Event);
        Assert.Contains("not one this server gave", reset.Json.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Publishes <paramref name="count"/> match starts and returns them as the client read them; a few at a time, read
    /// before the next few, since a client that a burst pushes out of the buffer is disconnected.
    /// </summary>
    private async Task<List<SseMessage>> PublishAndReadAsync(SseClient client, int count)
    {
        MatchSummary standings = SpectatorTestServers.Standings(LogOnlyMatch, new PlayerStanding(3, "Ada", 0, 0, true));
        var read = new List<SseMessage>();
        while (read.Count < count)
        {
            int batch = Math.Min(Buffer / 2, count - read.Count);
            var events = new MatchFeedEvent[batch];
            for (int i = 0; i < batch; i++)
            {
                events[i] = new MatchFeedEvent(new GameEvent((uint)(100 + read.Count + i), GameEventKind.MatchStarted, 0, 0, 0), null, null);
            }

            _log.Publish(LogOnlyMatch, events, standings);
            for (int i = 0; i < batch; i++)
            {
                read.Add(await NextOfLogOnlyMatchAsync(client));
            }
        }

        return read;
    }

    // The real matches of a test start and are summarised on the same overview: passed over.
    private static async Task<SseMessage> NextOfLogOnlyMatchAsync(SseClient client)
    {
        while (true)
        {
            SseMessage message = await client.NextEventAsync("match.started");
            if (message.Json.GetProperty("matchId").GetUInt32() == LogOnlyMatch)
            {
                return message;
            }
        }
    }
}
