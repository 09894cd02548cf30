using System.Net;

namespace GameServer.Tests.Security;

/// <summary>X-Forwarded-For decides whose connection counts against the per-IP cap only when it comes from a trusted proxy.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Limits:MaxConnectionsPerIp"] = "2" });

        HttpStatusCode[] statuses = await OpenStreamsAsync(server, "203.0.113.1", "203.0.113.2", "203.0.113.3");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromATrustedProxy_SeparatesTheClients()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:MaxConnectionsPerIp"] = "2",
            ["Limits:TrustedProxies:0"] = "127.0.0.1",
        });

        HttpStatusCode[] statuses = await OpenStreamsAsync(server, "203.0.113.1", "203.0.113.2", "203.0.113.3");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    /// <summary>Opens one SSE stream per forwarded address and keeps them all open while the next is tried.</summary>
    private static async Task<HttpStatusCode[]> OpenStreamsAsync(TestServer server, params string[] forwardedFor)
    {
        using HttpClient http = server.CreateHttpClient();
        var open = new List<HttpResponseMessage>();
        try
        {
            foreach (string address in forwardedFor)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
                request.Headers.Add("X-Forwarded-For", address);
                open.Add(await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));
            }

            return open.Select(r => r.StatusCode).ToArray();
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
    }
}
