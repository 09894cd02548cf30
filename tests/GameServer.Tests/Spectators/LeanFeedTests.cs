using System.Net;
using System.Net.Sockets;
using System.Text;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Tests.Seams;
using GameServer.Transport;

namespace GameServer.Tests.Spectators;

/// <summary>
/// The lean listener serves the feed on the socket itself: what a spectator holds there is its socket, so a client
/// that leaves must give its slot of the caps back at once, with no write to find out; and a request it cannot open
/// goes to Kestrel unread.
/// </summary>
public sealed class LeanFeedTests : IAsyncLifetime
{
    private TestServer _server = null!;

    // Nothing is written to an idle stream for ten minutes: only the client's leaving can end it.
    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
    {
        ["Limits:MaxConnectionsPerIp"] = "1",
        ["Spectators:HeartbeatInterval"] = "00:10:00",
        ["Spectators:SummaryInterval"] = "00:10:00",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Events_ClientLeaves_ItsSlotIsFreedWithoutAWrite()
    {
        SseClient first = await SseClient.OpenAsync(_server, "/events");
        Assert.Equal("summary", (await first.NextEventAsync()).Event);
        Assert.Equal("close", Assert.Single(first.Response.Headers.Connection));
        Assert.Empty(first.Response.Headers.Server);

        // Over the cap the lean listener leaves the request to Kestrel, which refuses it as it always has.
        using HttpClient http = _server.CreateHttpClient();
        using (HttpResponseMessage refused = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        await first.DisposeAsync();

        await Eventually.TrueAsync(async () =>
        {
            using HttpResponseMessage again = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode == HttpStatusCode.OK;
        });
    }

    [Theory]
    [InlineData("GET /ws HTTP/1.1\r\n", "Game")]
    [InlineData("GET /ws?ticket=x HTTP/1.1\r\n", "Game")]
    [InlineData("GET /events HTTP/1.1\r\n", "Feed")]
    [InlineData("GET /events?lastEventId=7 HTTP/1.1\r\n", "Feed")]
    [InlineData("GET /matches/4294967295/events HTTP/1.1\r\n", "Feed")]
    [InlineData("GET /matches/4294967296/events HTTP/1.1\r\n", "Other")]
    [InlineData("GET /matches/-1/events HTTP/1.1\r\n", "Other")]
    [InlineData("GET /matches//events HTTP/1.1\r\n", "Other")]
    [InlineData("GET /eventsx HTTP/1.1\r\n", "Other")]
    [InlineData("GET /wsx HTTP/1.1\r\n", "Other")]
    [InlineData("GET / HTTP/1.1\r\n", "Other")]
    [InlineData("OPTIONS /events HTTP/1.1\r\n", "Other")]
    [InlineData("\x16\x03\x01\x02\x00", "Other")]
    public void Classify_RequestLine_SaysWhoTakesIt(string start, string expected) =>
        Assert.Equal(Enum.Parse<UpgradeSniff>(expected), ConnectionSniff.Classify(Encoding.Latin1.GetBytes(start), full: false));

    [Theory]
    [InlineData("G")]
    [InlineData("GET /")]
    [InlineData("GET /matches/12")]
    public void Classify_RequestLineCutShort_WaitsForMore(string start)
    {
        Assert.Null(ConnectionSniff.Classify(Encoding.ASCII.GetBytes(start), full: false));
        Assert.Equal(UpgradeSniff.Other, ConnectionSniff.Classify(Encoding.ASCII.GetBytes(start), full: true));
    }
}

/// <summary>Requests the lean listener sniffs as feeds but cannot open go to Kestrel unread: malformed, oversized or odd.</summary>
public sealed class LeanFeedBadRequestTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await SpectatorTestServers.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("GET /events HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", "HTTP/1.1 400")]
    [InlineData("GET /events HTTP/1.0\r\nHost: x\r\n\r\n", "HTTP/1.1 200")]
    [InlineData("GET /events HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", "HTTP/1.1 200")]
    [InlineData("GET /matches/abc/events HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400")]
    [InlineData("GET /events HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\n\r\n", "HTTP/1.1 431")]
    public async Task Events_RequestTheListenerCannotOpen_IsAnsweredByKestrelAndAnOpenStreamReadsOn(string head, string statusLine)
    {
        await using SseClient watching = await SseClient.OpenAsync(_server, "/events");
        Assert.Equal("summary", (await watching.NextEventAsync()).Event);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.HttpBase.Port);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("{big}", new string('x', 40_000), StringComparison.Ordinal)));
        var answer = new byte[12];
        int read = 0;
        while (read < answer.Length && await stream.ReadAsync(answer.AsMemory(read)) is > 0 and int n)
        {
            read += n;
        }

        Assert.Equal(statusLine, Encoding.ASCII.GetString(answer, 0, read));

        _server.GetService<IMatchEventLog>().Publish(900,
            [new MatchFeedEvent(new GameEvent(1, GameEventKind.MatchStarted, 0, 0, 0), null, null)],
            SpectatorTestServers.Standings(900));
        Assert.Equal("match.started", (await watching.NextEventAsync("match.started")).Event);
    }
}
