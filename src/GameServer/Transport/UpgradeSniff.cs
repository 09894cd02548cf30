namespace GameServer.Transport;

/// <summary>What the first bytes of a new connection say it is.</summary>
internal enum UpgradeSniff
{
    /// <summary>A request for <c>/ws</c>: the game transport takes it.</summary>
    Game,

    /// <summary>A GET of a spectator feed: served on the socket itself when it can be, else by Kestrel.</summary>
    Feed,

    /// <summary>Anything else (pages, the API, TLS): Kestrel takes it.</summary>
    Other,
}
