global using GameServer.Protocol;
global using GameServer.Arena.Wire;
