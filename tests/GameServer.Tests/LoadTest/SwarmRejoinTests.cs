using GameServer.LoadTest;
using GameServer.LoadTest.Reporting;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.LoadTest;

/// <summary>
/// Runs longer than a match: when a match closes (it ran out, or it failed) the bots are back before Join, as
/// protocol.md says, and join the next one instead of sending inputs into the lobby and being closed with 1008.
/// </summary>
public sealed class SwarmRejoinTests
{
    private const int Bots = 12;

    [Fact]
    public async Task RunAsync_MatchesEndEveryTwoSeconds_BotsJoinTheNextMatchWithoutErrors()
    {
        // A second of play and half a second of end screen: each bot sees its match close twice or more.
        await using TestServer server = await StartAsync((id, seed) => new Match(id, seed, ShortRules()));

        SwarmReport report = await new Swarm(Options(server)).RunAsync();

        string json = ReportWriter.ToJson(report);
        Assert.True(report.Passed, "The swarm failed: " + json);
        Assert.True(report.Rejoins >= 2 * Bots, $"{report.Rejoins} rejoins for {Bots} bots: " + json);
        Assert.True(report.DeltasPerSecondPerBot.Min > 0, "A bot stopped receiving deltas: " + json);
    }

    [Fact]
    public async Task RunAsync_MatchFails_CountsTheFailureAndBotsJoinTheNextMatch()
    {
        await using TestServer server = await StartAsync((id, seed) => new FailingMatch(new Match(id, seed, ShortRules())));

        SwarmReport report = await new Swarm(Options(server)).RunAsync();

        string json = ReportWriter.ToJson(report);
        Assert.Equal(["serverError"], report.Errors.ByKind.Keys);
        Assert.StartsWith($"Error {(int)ErrorCode.MatchFailed}:", report.Errors.FirstMessages["serverError"], StringComparison.Ordinal);
        Assert.True(report.Rejoins >= Bots, $"{report.Rejoins} rejoins for {Bots} bots: " + json);
        Assert.Equal(Bots, report.Joined);
    }

    private static Task<TestServer> StartAsync(MatchSimulationFactory factory) =>
        TestServer.StartAsync(configure: builder => builder.Services.AddSingleton(factory));

    private static SwarmOptions Options(TestServer server) => new()
    {
        Url = server.WebSocketUri,
        Bots = Bots,
        Duration = TimeSpan.FromSeconds(7),
        Ramp = TimeSpan.FromSeconds(0.5),
    };

    private static ArenaRules ShortRules() => ShortMatches.Rules(runningTicks: 30, endedTicks: 15);

    /// <summary>Arena whose step throws half-way through the running phase.</summary>
    private sealed class FailingMatch(Match arena) : ArenaDecorator(arena)
    {
        public override void Step(ReadOnlySpan<PlayerInput> inputs)
        {
            if (Arena.Phase == MatchPhase.Running && Arena.PhaseTicksLeft == 15)
            {
                throw new InvalidOperationException("The simulation failed (on purpose, in a test).");
            }

            Arena.Step(inputs);
        }
    }
}
