namespace GameServer.Transport.Epoll;

/// <summary>Brackets each pass of an <see cref="EpollLoop"/> over the sockets one wait found ready, on the loop's thread.</summary>
internal interface IReadinessPass
{
    /// <summary>Before the first socket of the pass is told of its events.</summary>
    void Begin();

    /// <summary>After the last one: what the pass's handlers left to do together is done here.</summary>
    void End();
}
