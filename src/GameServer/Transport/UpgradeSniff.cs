namespace GameServer.Transport;

/// <summary>What the first bytes of a new connection say it is.</summary>
internal enum UpgradeSniff
{
    /// <summary>A request for <c>/ws</c>: the game transport takes it.</summary>
    Game,

    /// <summary>Anything else (pages, the feed, TLS): Kestrel takes it.</summary>
    Other,

    /// <summary>Nothing came in time, or the peer left: dropped.</summary>
    Silent,
}
