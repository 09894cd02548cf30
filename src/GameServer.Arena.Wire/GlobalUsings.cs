global using GameServer.Protocol;
