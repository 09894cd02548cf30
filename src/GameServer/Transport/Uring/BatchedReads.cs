using GameServer.Transport.Epoll;

namespace GameServer.Transport.Uring;

/// <summary>An epoll loop's passes with its sockets' reads gathered into one io_uring submission, made at the pass's end.</summary>
internal sealed class BatchedReads<TSocket> : IReadinessPass
    where TSocket : class, IBatchedSocket
{
    private SocketBatch<TSocket>.Scope _scope;

    public void Begin() => _scope = SocketBatch<TSocket>.Gather(enabled: true);

    public void End()
    {
        SocketBatch<TSocket>.Scope scope = _scope;
        _scope = default;
        scope.Dispose();
    }
}
