using GameServer.Arena.Wire;
using GameServer.Client;
using GameServer.Protocol;

namespace GameServer.Sample;

/// <summary>Prints the players' lines twice a second, and every match event as it comes (on the client's receive thread).</summary>
internal sealed class WorldPrinter
{
    private readonly GameClient _client;
    private uint _printedAt;

    public WorldPrinter(GameClient client)
    {
        _client = client;
    }

    public void OnTick(uint tick)
    {
        if (tick - _printedAt < (uint)_client.Welcome.TickRate / 2)
        {
            return;
        }

        _printedAt = tick;
        WorldState world = _client.World;
        string rtt = _client.RoundTrip is TimeSpan r ? $"{r.TotalMilliseconds:F1} ms" : "-";
        Console.WriteLine($"tick {world.Tick} · {world.Phase} · {world.PhaseTicksLeft / _client.Welcome.TickRate} s left · rtt {rtt}");
        foreach (ref readonly EntityState e in world.Entities)
        {
            if (e.Kind == EntityKind.Player)
            {
                string me = e.Id == _client.Welcome.PlayerId ? " (you)" : string.Empty;
                Console.WriteLine($"  {e.Name,-16} at ({e.X / Quantization.PositionScale,4}, {e.Y / Quantization.PositionScale,4})" +
                    $"  health {e.Health,3}  score {e.Score,3}  kills {e.Aux}{me}");
            }
        }
    }

    public void OnEvent(GameEvent e) =>
        Console.WriteLine($"  event: {e.Kind} subject {e.Subject} object {e.Object} value {e.Value}");
}
