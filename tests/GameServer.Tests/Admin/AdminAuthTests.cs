using System.Net;
using GameServer.Hosting;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Admin;

/// <summary>The console is off without a token, and with one every API request must carry it; wrong ones are counted and limited.</summary>
public sealed class AdminAuthTests
{
    [Theory]
    [InlineData("/admin/api/node")]
    [InlineData("/admin/api/stream")]
    [InlineData("/admin/api/matches")]
    public async Task Api_NoTokenConfigured_Is404EvenWithABearer(string path)
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Drain_NoTokenConfigured_Is404AndDrainsNothing()
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server);

        using HttpResponseMessage response = await http.PostAsync("/admin/api/drain", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(server.GetService<GameServer.Admission.NodeDrain>().IsDraining);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789")]
    [InlineData("alice-0123456789abcdeX")]
    public async Task Api_MissingOrWrongToken_Is401WithBearerChallengeAndCounted(string? token)
    {
        await using TestServer server = await AdminServers.StartAsync();
        using var probe = new MetricProbe(server);
        using HttpClient http = AdminServers.CreateClient(server, token);

        using HttpResponseMessage response = await http.GetAsync("/admin/api/node");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        await probe.WaitForAsync("gameserver.admin.auth_failures");
    }

    [Fact]
    public async Task Api_UnknownPathWithoutToken_Is401NotA404()
    {
        await using TestServer server = await AdminServers.StartAsync();
        using HttpClient http = AdminServers.CreateClient(server, token: null);

        using HttpResponseMessage response = await http.GetAsync("/admin/api/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_SingleAdminToken_IsAccepted()
    {
        const string token = "single-token-0123456789";
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Admin:Token"] = token });
        using HttpClient http = AdminServers.CreateClient(server, token);

        using HttpResponseMessage response = await http.GetAsync("/admin/api/node");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_MoreThanFiveFailuresFromAnAddress_Is429WithRetryAfter_EvenForTheRightToken()
    {
        await using TestServer server = await AdminServers.StartAsync();
        using HttpClient wrong = AdminServers.CreateClient(server, "wrong-token-0123456789");
        using HttpClient right = AdminServers.CreateClient(server);

        for (int i = 0; i < 6; i++)
        {
            using HttpResponseMessage refused = await wrong.GetAsync("/admin/api/node");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using HttpResponseMessage limited = await right.GetAsync("/admin/api/node");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        TimeSpan retryAfter = Assert.IsType<TimeSpan>(limited.Headers.RetryAfter?.Delta);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("Admin:Token", "too-short")]
    [InlineData("Admin:Tokens:bob", "short-as-well")]
    public async Task Start_TokenShorterThan16Characters_FailsWithOneLineNamingTheSetting(string setting, string token)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestServer.StartAsync(new Dictionary<string, string?> { [setting] = token }));

        string? line = StartupFailures.Describe(failure);
        Assert.NotNull(line);
        Assert.DoesNotContain('\n', line);
        Assert.Contains(setting, line, StringComparison.Ordinal);
        Assert.Contains("16 characters", line, StringComparison.Ordinal);
    }
}
