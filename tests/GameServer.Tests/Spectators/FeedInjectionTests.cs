using System.Buffers;
using System.Text.Json;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>
/// Player names cannot inject SSE fields or events. The gateway already refuses names with control characters, so
/// the hostile names go straight to the formatter, and into the log as a tick would publish them.
/// </summary>
public sealed class FeedInjectionTests
{
    private static readonly string[] s_hostileNames =
    [
        "Ada\n",
        "Ada\r",
        "Ada\0",
        "data: x",
        "Ada\n\nevent: kill\ndata: {}\n\n",
        "Ada\r\n\r\nid: 1\r\nretry: 1\r\n",
        "\u2028\u0085:",
    ];

    public static TheoryData<string> HostileNames => new(s_hostileNames);

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void WriteEvent_HostileName_IsOneLineOfJsonThatReadsBackExactly(string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (Utf8JsonWriter writer = FeedJson.CreateWriter(buffer))
        {
            var feedEvent = new MatchFeedEvent(new GameEvent(10, GameEventKind.Kill, 3, 5, 0), name, name);
            Assert.Equal("kill", FeedJson.WriteEvent(writer, 1, feedEvent, SpectatorTestServers.Standings(1)));
        }

        ReadOnlySpan<byte> data = buffer.WrittenSpan;
        Assert.Equal(-1, data.IndexOfAny((byte)'\n', (byte)'\r', (byte)0));
        JsonElement json = JsonDocument.Parse(buffer.WrittenMemory).RootElement;
        Assert.Equal(name, json.GetProperty("killer").GetString());
        Assert.Equal(name, json.GetProperty("victim").GetString());
    }

    [Fact]
    public async Task Feed_HostileNamesPublished_AreEachOneEventWithThreeLines()
    {
        await using TestServer server = await SpectatorTestServers.StartAsync();
        var log = server.GetService<IMatchEventLog>();

        // Joins are on a match's own feed: published under a real match's id, among its own events.
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        uint matchId = ada.Welcome.MatchId;
        await using SseClient feed = await SseClient.OpenAsync(server, $"/matches/{matchId}/events");
        await feed.NextEventAsync("score");
        string[] names = s_hostileNames;
        MatchFeedEvent[] events = names.Select((name, i) => new MatchFeedEvent(new GameEvent(10, GameEventKind.PlayerJoined, (uint)i + 1, 0, 0), name, null)).ToArray();
        var marker = new MatchFeedEvent(new GameEvent(11, GameEventKind.MatchStarted, 0, 0, 0), null, null);

        log.Publish(matchId, [.. events, marker], SpectatorTestServers.Standings(matchId));

        foreach (string name in names)
        {
            SseMessage joined = await NextInjectedJoinAsync(feed);
            Assert.Equal("player.joined", joined.Event);
            Assert.Equal(3, joined.Lines.Count);
            Assert.StartsWith("event: ", joined.Lines[0], StringComparison.Ordinal);
            Assert.StartsWith("data: ", joined.Lines[1], StringComparison.Ordinal);
            Assert.StartsWith("id: ", joined.Lines[2], StringComparison.Ordinal);
            Assert.Equal(name, joined.Json.GetProperty("name").GetString());
        }

        Assert.Equal("match.started", (await feed.NextEventAsync("match.started")).Event);
    }

    // The real Ada's own join may reach the stream after it opened (the pump passes at most once a tick): not one of ours.
    private static async Task<SseMessage> NextInjectedJoinAsync(SseClient feed)
    {
        while (true)
        {
            SseMessage joined = await feed.NextEventAsync("player.joined");
            if (joined.Json.GetProperty("name").GetString() != "Ada")
            {
                return joined;
            }
        }
    }
}
