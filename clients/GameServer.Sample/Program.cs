// Joins a match, prints the world as it changes, and joins the next match when one ends. Usage:
//   dotnet run --project clients/GameServer.Sample -- [ws://localhost:5000/ws] [name] [v1]
using GameServer.Arena.Wire;
using GameServer.Client;
using GameServer.Protocol;
using GameServer.Sample;
using GameServer.Simulation;

var uri = new Uri(args.Length > 0 ? args[0] : "ws://localhost:5000/ws");
string name = args.Length > 1 ? args[1] : "sample";

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// Protocol 2 by default; Arena's adapter turns its schema world into the WorldState the printer reads.
var options = new GameClientOptions
{
    ProtocolVersion = args.Length > 2 && args[2] == "v1" ? ProtocolConstants.Version : ProtocolConstants.Version2,
    SchemaToWorld = ArenaStateAdapter.ToArena,
    InputToValues = ArenaSchema.FromInput,
};
await using GameClient client = await GameClient.ConnectAsync(uri, options, stop.Token);
var printer = new WorldPrinter(client);
client.DeltaReceived += printer.OnTick;
client.EventReceived += printer.OnEvent;
client.Closed += (status, reason) =>
{
    Console.WriteLine($"Connection closed: {status?.ToString() ?? "lost"} {reason}");
    stop.Cancel();
};

// Raised on the receive thread; the loop below joins the next match when it sees the flag.
int matchClosed = 0;
client.MatchClosed += error =>
{
    Console.WriteLine(error is ErrorMessage failure ? $"Match failed: {failure.Message}" : "Match over.");
    Volatile.Write(ref matchClosed, 1);
};

await JoinAsync();
try
{
    // Walk in a slow circle so there is something to watch, one input per tick.
    var period = TimeSpan.FromSeconds(1.0 / client.Welcome.TickRate);
    for (int tick = 0; !stop.IsCancellationRequested; tick++)
    {
        if (Interlocked.Exchange(ref matchClosed, 0) == 1)
        {
            await JoinAsync();
        }

        double angle = tick * 2 * Math.PI / 120;
        await client.SendInputAsync((sbyte)(Math.Cos(angle) * 127), (sbyte)(Math.Sin(angle) * 127), Quantization.AngleFromRadians(angle), Buttons.None, stop.Token);
        if (tick % client.Welcome.TickRate == 0)
        {
            await client.SendPingAsync(stop.Token);
        }

        await Task.Delay(period, stop.Token);
    }
}
catch (Exception ex) when (ex is OperationCanceledException or GameClientException)
{
}

if (client.IsConnected)
{
    await client.LeaveAsync();
}

async Task JoinAsync()
{
    await client.JoinAsync(name, cancellationToken: stop.Token);
    Console.WriteLine($"Joined match {client.Welcome.MatchId} as player {client.Welcome.PlayerId} ({client.Welcome.TickRate} Hz). Ctrl+C to leave.");
}
