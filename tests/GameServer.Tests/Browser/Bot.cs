using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Browser;

/// <summary>A TestPlayer that wanders and fires, one input per tick, until disposed.</summary>
internal sealed class Bot : IAsyncDisposable
{
    private readonly TestPlayer _player;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _driving;

    private Bot(TestPlayer player, int seed)
    {
        _player = player;
        _driving = DriveAsync(seed);
    }

    public TestPlayer Player => _player;

    public static async Task<Bot> JoinAsync(TestServer server, string name, uint? matchId = null)
    {
        TestPlayer player = await TestPlayer.JoinAsync(server, name, matchId);
        return new Bot(player, name.GetHashCode(StringComparison.Ordinal));
    }

    private async Task DriveAsync(int seed)
    {
        var random = new Random(seed);
        double heading = random.NextDouble() * Math.PI * 2;
        try
        {
            for (int tick = 0; !_stop.IsCancellationRequested; tick++)
            {
                // A new heading now and then, and at once after a wall stopped the bot.
                if (tick % 45 == 0 || (tick > 5 && IsStopped()))
                {
                    heading = random.NextDouble() * Math.PI * 2;
                }

                var moveX = (sbyte)(Math.Cos(heading) * 127);
                var moveY = (sbyte)(Math.Sin(heading) * 127);
                ushort aim = Quantization.AngleFromRadians(heading + Math.Sin(tick / 10.0));
                await _player.SendInputAsync(moveX, moveY, aim, tick % 10 == 0 ? Buttons.Fire : Buttons.None);
                await Task.Delay(33, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
        }
    }

    /// <remarks>Reads the world while its receive loop writes it: good enough for steering, guarded against a torn read.</remarks>
    private bool IsStopped()
    {
        try
        {
            int index = _player.World.IndexOf(_player.Welcome.PlayerId);
            return index >= 0 && _player.World.Entities[index] is { Vx: 0, Vy: 0 };
        }
        catch (IndexOutOfRangeException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _driving.ContinueWith(_ => { }, TaskScheduler.Default);
        await _player.DisposeAsync();
        _stop.Dispose();
    }
}
