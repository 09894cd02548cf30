using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Browser;

/// <summary>
/// A test server whose Arena is busy from the start: one player starts a match, and score orbs rain (one a tick, up
/// to 24, easy to touch), so bots score within seconds and the pages have something to show.
/// </summary>
internal static class LivelyArena
{
    /// <param name="maxPickups">Orbs out at once: more make a wandering bot's first score sooner.</param>
    public static Task<TestServer> StartAsync(int port = 0, IDictionary<string, string?>? settings = null, int maxPickups = 24) =>
        TestServer.StartAsync(settings, builder =>
        {
            if (port != 0)
            {
                builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            }

            ArenaRules rules = ArenaRules.ForTickRate(ArenaRules.DefaultTickRate);
            rules.MinPlayersToStart = 1;
            rules.CountdownTicks = 15;
            rules.PickupSpawnIntervalTicks = 1;
            rules.MaxPickups = maxPickups;
            rules.PickupRadius = 30 * Quantization.PositionScale;
            rules.ScoreLimit = 0;
            builder.Services.AddSingleton(rules);
            builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules));
        });

    /// <summary>The port a server listens on, to start its successor on the same one.</summary>
    public static int Port(this TestServer server) => server.HttpBase.Port;
}
