using GameServer.Transport.Epoll;

namespace GameServer.Transport.Uring;

/// <summary>An epoll loop's passes with the players' reads gathered into one io_uring submission, made at the pass's end.</summary>
internal sealed class BatchedReads : IReadinessPass
{
    private SocketBatch.Scope _scope;

    public void Begin() => _scope = SocketBatch.Gather(enabled: true);

    public void End()
    {
        SocketBatch.Scope scope = _scope;
        _scope = default;
        scope.Dispose();
    }
}
