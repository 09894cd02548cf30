using System.Net.Http.Json;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Admin;

/// <summary>Every operator action is logged with who, from where, what and on what; so is every refused token.</summary>
public sealed class AdminLogTests
{
    [Fact]
    public async Task Actions_AreLoggedWithOperatorAddressActionAndTarget()
    {
        var logs = new CapturedLogs();
        await using TestServer server = await AdminServers.StartAsync(configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<CapturedLogs>("GameServer", LogLevel.Information);
        });
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");
        using HttpClient http = AdminServers.CreateClient(server);
        using HttpClient stranger = AdminServers.CreateClient(server, token: null);

        (await http.PostAsync("/admin/api/drain", null)).Dispose();
        (await http.PostAsJsonAsync($"/admin/api/matches/{ada.Welcome.MatchId}/players/{bob.Welcome.PlayerId}/kick", new { reason = "spam" })).Dispose();
        (await http.PostAsync($"/admin/api/matches/{ada.Welcome.MatchId}/end", null)).Dispose();
        (await stranger.GetAsync("/admin/api/node")).Dispose();

        string[] actions = [.. logs.Entries.Where(e => e.Id is { Id: 102, Name: "AdminAction" }).Select(e => e.Message)];
        Assert.Equal(3, actions.Length);
        Assert.All(actions, line => Assert.StartsWith("Operator alice from 127.0.0.1: ", line, StringComparison.Ordinal));
        Assert.EndsWith("drain local", actions[0], StringComparison.Ordinal);
        Assert.EndsWith($"kick player {bob.Welcome.PlayerId} of match {ada.Welcome.MatchId} (spam)", actions[1], StringComparison.Ordinal);
        Assert.EndsWith($"end match {ada.Welcome.MatchId}", actions[2], StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Id is { Id: 101, Name: "AdminAuthFailed" } && e.Message.Contains("127.0.0.1", StringComparison.Ordinal)
            && e.Message.Contains("/admin/api/node", StringComparison.Ordinal));
    }
}
