using System.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Spectators;

namespace GameServer.Tests.Spectators;

/// <summary>
/// The pump passes at most once per <c>Spectators:PassInterval</c>: what a match publishes right after a pass goes
/// out with the next one, at the interval's end, rather than waking the pump (and taking the core from a tick) again.
/// </summary>
public sealed class FeedPassIntervalTests
{
    private const uint MatchId = 77;

    [Fact]
    public async Task Publish_RightAfterAPass_GoesOutAtTheIntervalsEnd()
    {
        await using TestServer server = await SpectatorTestServers.StartAsync(new Dictionary<string, string?>
        {
            ["Spectators:PassInterval"] = "00:00:01",
        });
        var log = server.GetService<IMatchEventLog>();
        await using SseClient overview = await SseClient.OpenAsync(server, "/events");

        log.Publish(MatchId, [new MatchFeedEvent(new GameEvent(1, GameEventKind.MatchStarted, 0, 0, 0), null, null)], SpectatorTestServers.Standings(MatchId));
        await overview.NextEventAsync("match.started");
        long passed = Stopwatch.GetTimestamp();
        log.Publish(MatchId, [MatchFeedEvent.Ended(2, MatchEndReason.Finished)], SpectatorTestServers.Standings(MatchId));
        await overview.NextEventAsync("match.ended");

        // The pass that sent match.started began before the stream read it, and the next may begin 1 s after it:
        // half of that is left unless the first event took half a second to reach the stream.
        TimeSpan between = Stopwatch.GetElapsedTime(passed);
        Assert.True(between >= TimeSpan.FromMilliseconds(500), $"match.ended came {between.TotalMilliseconds} ms after match.started");
    }
}
