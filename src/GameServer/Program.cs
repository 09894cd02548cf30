using GameServer;
using GameServer.Hosting;
using GameServer.Replays;
using GameServer.Security;
using GameServer.Transport;

if (args is [TicketTool.Command, .. var rest])
{
    return TicketTool.Run(rest);
}

if (args is [ReplayTool.Command, .. var replayArgs])
{
    return ReplayTool.Run(replayArgs);
}

SocketEngine.PreferInlineCompletions();
var failures = new StartupFailures();
try
{
    WebApplication app = GameServerApp.Build(args, failures.QuietUntilStarted);
    app.Lifetime.ApplicationStarted.Register(failures.Started);
    app.Run();
    return 0;
}
catch (Exception exception) when (StartupFailures.Describe(exception) is string line)
{
    Console.Error.WriteLine(line);
    return 1;
}
