namespace GameServer.Transport.Epoll;

/// <summary>What an <see cref="EpollLoop"/> calls, on its thread, when a registered socket has events.</summary>
internal interface IReadinessHandler
{
    /// <param name="events">The epoll events (<see cref="EpollInterop.In"/>, <see cref="EpollInterop.Out"/>, errors and hang-ups).</param>
    void OnReady(uint events);
}
