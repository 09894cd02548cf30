using GameServer.Arena.Wire;
using GameServer.Tests.Browser;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>A pickup on the match feed is named by the game (Arena's "health" and "scoreOrb"), not by the host.</summary>
public sealed class PickupFeedTests
{
    [Fact]
    public async Task Pickup_AnArenaPlayerRunsThroughOrbs_TheFeedNamesTheKindItCollected()
    {
        await using TestServer server = await LivelyArena.StartAsync(maxPickups: 240);
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using SseClient feed = await SseClient.OpenAsync(server, $"/matches/{ada.Welcome.MatchId}/events");
        using var running = new CancellationTokenSource();
        Task runner = RunInCirclesAsync(ada, running.Token);

        SseMessage pickup = await feed.NextEventAsync("pickup").WaitAsync(TestPlayer.Patience);
        await running.CancelAsync();
        await runner;

        Assert.Equal(ada.Welcome.PlayerId, pickup.Json.GetProperty("playerId").GetUInt32());
        Assert.Contains(pickup.Json.GetProperty("kind").GetString(), new[] { "health", "scoreOrb" });
    }

    private static async Task RunInCirclesAsync(TestPlayer player, CancellationToken cancellation)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(33));
        for (int i = 0; await WaitAsync(tick, cancellation); i++)
        {
            // A quarter turn every second: the player sweeps the field instead of pressing into a wall.
            (sbyte x, sbyte y) = (i / 30 % 4) switch { 0 => ((sbyte)127, (sbyte)0), 1 => ((sbyte)0, (sbyte)127), 2 => ((sbyte)-127, (sbyte)0), _ => ((sbyte)0, (sbyte)-127) };
            await player.SendInputAsync(x, y, 0, Buttons.None);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellation)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
