using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Admin;

/// <summary>Keeps a test player playing: an input every 50 ms, as a bot sends them, until disposed.</summary>
internal sealed class InputPump : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public InputPump(TestPlayer player)
    {
        _running = RunAsync(player, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private static async Task RunAsync(TestPlayer player, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        sbyte direction = 1;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                direction = (sbyte)-direction;
                await player.SendInputAsync(direction, 0);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Stopped, or the server closed the player: either way, no more inputs.
        }
    }
}
