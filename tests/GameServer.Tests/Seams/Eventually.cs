using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Seams;

/// <summary>Waits for what a seam answers to come true: a networked implementation answers later, and only when asked.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }
}
