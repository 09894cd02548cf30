using System.Net;

namespace GameServer.Tests.Http;

/// <summary>The console's page is at /admin only while an admin token is configured; its file has no second address.</summary>
public sealed class AdminPageRouteTests
{
    [Fact]
    public async Task AdminPage_NoTokenConfigured_IsNotFound()
    {
        await using TestServer server = await TestServer.StartAsync();
        using HttpClient http = server.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/admin.html")).StatusCode);
    }

    [Fact]
    public async Task AdminPage_TokenConfigured_IsServedWithoutTheToken()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Admin:Token"] = "route-test-token-0123456789" });
        using HttpClient http = server.CreateHttpClient();

        using HttpResponseMessage page = await http.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("js/admin.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/admin.html")).StatusCode);
    }
}
