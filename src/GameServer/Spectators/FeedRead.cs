namespace GameServer.Spectators;

/// <summary>What a read of the log gave: how many entries, or that the id read from is older than the log holds.</summary>
public readonly record struct FeedRead(int Count, bool HistoryLost)
{
    public static FeedRead Lost { get; } = new(0, HistoryLost: true);
}
