using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Simulation.Tag;

namespace GameServer.Tests.Http;

/// <summary>GET /tag.json: Tag's rules as its matches play them, for the server's tick rate and match length.</summary>
public sealed class TagJsonTests
{
    [Fact]
    public async Task TagJson_ConfiguredTickRateAndLength_DescribesTheRulesTagMatchesPlay()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Tick:TickRate"] = "60",
            ["Matchmaking:MatchDuration"] = "00:01:00",
        });
        using HttpClient http = server.CreateHttpClient();

        using HttpResponseMessage response = await http.GetAsync("/tag.json");
        JsonElement tag = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        TagRules played = server.GetService<TagRules>();
        TagRules expected = TagRules.ForTickRate(60);
        Assert.Equal(60, tag.GetProperty("tickRate").GetInt32());
        Assert.Equal(60 * 60, tag.GetProperty("timeLimitTicks").GetInt32());
        Assert.Equal(played.TimeLimitTicks, tag.GetProperty("timeLimitTicks").GetInt32());
        Assert.Equal(expected.PlayerRadius, tag.GetProperty("playerRadius").GetInt32());
        Assert.Equal(expected.RunnerSpeed, tag.GetProperty("runnerSpeed").GetInt32());
        Assert.Equal(expected.MaxSpeed, tag.GetProperty("itSpeed").GetInt32());
        Assert.Equal(expected.ImmunityTicks, tag.GetProperty("immunityTicks").GetInt32());
        Assert.Equal(TagRules.Width, tag.GetProperty("width").GetInt32());
        Assert.Equal(TagRules.Height, tag.GetProperty("height").GetInt32());
    }
}
