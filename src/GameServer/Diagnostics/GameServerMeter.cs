namespace GameServer.Diagnostics;

/// <summary>The one meter every GameServer instrument lives on; <c>/metrics</c> shows its instruments as <c>gameserver_*</c>.</summary>
public static class GameServerMeter
{
    /// <summary>The meter's name, "GameServer".</summary>
    public const string Name = "GameServer";
}
