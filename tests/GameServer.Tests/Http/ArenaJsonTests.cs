using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GameServer.Simulation;

namespace GameServer.Tests.Http;

public sealed class ArenaJsonTests
{
    [Fact]
    public async Task ArenaJson_ConfiguredTickRate_DescribesTheSimulationsRulesAndMap()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tick:TickRate"] = "60" });
        using HttpClient http = server.CreateHttpClient();

        using HttpResponseMessage response = await http.GetAsync("/arena.json");
        JsonElement arena = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        ArenaRules expected = ArenaRules.ForTickRate(60);
        Assert.Equal(60, arena.GetProperty("tickRate").GetInt32());
        JsonElement player = arena.GetProperty("player");
        Assert.Equal(expected.MaxSpeed, player.GetProperty("maxSpeed").GetInt32());
        Assert.Equal(expected.Acceleration, player.GetProperty("acceleration").GetInt32());
        Assert.Equal(expected.Friction, player.GetProperty("friction").GetInt32());
        Assert.Equal(expected.PlayerRadius, player.GetProperty("radius").GetInt32());
        Assert.Equal(expected.ProjectileSpeed, arena.GetProperty("projectile").GetProperty("speed").GetInt32());
        Assert.Equal(12, arena.GetProperty("match").GetProperty("lagCompensationTicks").GetInt32());
        Assert.Equal(ArenaMap.Width, arena.GetProperty("map").GetProperty("width").GetInt32());
        Assert.Equal(ArenaMap.Height, arena.GetProperty("map").GetProperty("height").GetInt32());
        int[][] walls = arena.GetProperty("map").GetProperty("walls").Deserialize<int[][]>()!;
        Assert.Equal(ArenaMap.Walls.Length, walls.Length);
        for (int i = 0; i < walls.Length; i++)
        {
            WallRect wall = ArenaMap.Walls[i];
            Assert.Equal([wall.Left, wall.Top, wall.Right, wall.Bottom], walls[i]);
        }
    }

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("00:00:00.100", 3)]
    public async Task ArenaJson_LagCompensationSetting_InTicks(string setting, int ticks)
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Matchmaking:LagCompensation"] = setting });
        using HttpClient http = server.CreateHttpClient();

        JsonElement arena = await http.GetFromJsonAsync<JsonElement>("/arena.json");

        Assert.Equal(ticks, arena.GetProperty("match").GetProperty("lagCompensationTicks").GetInt32());
    }
}
