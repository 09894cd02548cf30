namespace GameServer.Matches;

/// <summary>The ids of a single node: 1, 2, 3 and so on, from a counter in this process.</summary>
public sealed class LocalMatchIds : IMatchIds
{
    private uint _lastId;

    public ValueTask<uint> NextAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Interlocked.Increment(ref _lastId));
}
