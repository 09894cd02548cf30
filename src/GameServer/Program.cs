using GameServer;
using GameServer.Security;

if (args is [TicketTool.Command, .. var rest])
{
    return TicketTool.Run(rest);
}

GameServerApp.Build(args).Run();
return 0;
