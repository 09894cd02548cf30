using GameServer.Matches;
using GameServer.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Spectators;

/// <summary>Test servers for the feed: Arena with a one-tick countdown, so a match starts as soon as a player joins.</summary>
internal static class SpectatorTestServers
{
    public static Task<TestServer> StartAsync(IDictionary<string, string?>? settings = null) =>
        TestServer.StartAsync(settings, builder => builder.Services.AddSingleton<MatchSimulationFactory>(_ =>
        {
            ArenaRules rules = ArenaRules.ForTickRate(30);
            rules.MinPlayersToStart = 1;
            rules.CountdownTicks = 1;
            return (id, seed) => new Match(id, seed, rules);
        }));

    /// <summary>A scoreboard for a match that exists only in the log, for events a test publishes itself.</summary>
    public static MatchSummary Standings(uint matchId, params PlayerStanding[] players) =>
        new(matchId, "arena", Protocol.MatchPhase.Running, 100, 120.5, 16, players);
}
