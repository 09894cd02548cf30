using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;

namespace GameServer.Tests.Admin;

/// <summary>Test servers with the operator's console on, and HTTP clients that carry (or not) its token.</summary>
internal static class AdminServers
{
    public const string Token = "alice-0123456789abcdef";

    /// <summary>
    /// A server whose console answers to <see cref="Token"/> (operator "alice"); the keep-alive interval of 1 s makes
    /// the RTT probe run every half second.
    /// </summary>
    public static Task<TestServer> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Admin:Tokens:alice"] = Token,
            ["Gateway:KeepAliveInterval"] = "00:00:01",
        };
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            all[setting.Key] = setting.Value;
        }

        return TestServer.StartAsync(all, configure);
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public static HttpClient CreateClient(TestServer server, string? token = Token)
    {
        HttpClient http = server.CreateHttpClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A handler for the SSE client that adds the bearer token, as the page's fetch does.</summary>
    public static HttpMessageHandler BearerHandler() => new Bearer();

    private sealed class Bearer() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
