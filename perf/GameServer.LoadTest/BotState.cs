namespace GameServer.LoadTest;

/// <summary>Where a bot is in its life; it only moves forward.</summary>
internal enum BotState
{
    NotStarted,
    Connecting,
    Connected,
    Joined,
    Failed,
    Stopped,
}
