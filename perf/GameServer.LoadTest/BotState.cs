namespace GameServer.LoadTest;

/// <summary>Where a bot is in its life; it only moves forward, except that churn takes a joined bot back to Dropped and then Connecting.</summary>
internal enum BotState
{
    NotStarted,
    Connecting,
    Connected,
    Joined,
    Dropped,
    Failed,
    Stopped,
}
