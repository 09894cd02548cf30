using GameServer;

GameServerApp.Build(args).Run();
