using GameServer.LoadTest;
using GameServer.Simulation.Tag;

namespace GameServer.Tests.Browser;

/// <summary>Two swarm bots playing Tag on a test server for up to a minute, for the pages to show a Tag match.</summary>
internal static class TagBots
{
    public static Swarm For(TestServer server) => new(new SwarmOptions
    {
        Url = server.WebSocketUri,
        Game = TagSchema.GameName,
        Bots = 2,
        Duration = TimeSpan.FromSeconds(60),
        Ramp = TimeSpan.FromSeconds(0.5),
    });
}
