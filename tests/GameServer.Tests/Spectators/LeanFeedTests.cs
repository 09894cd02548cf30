using System.Net;
using System.Text;
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
