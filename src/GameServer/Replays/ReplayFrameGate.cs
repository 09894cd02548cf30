namespace GameServer.Replays;

/// <summary>
/// Bounds the re-simulations GET /replays/{id}/frames runs at once: each is CPU for as long as its match (up to
/// Replays:MaxBytesPerMatch of inputs), and anyone may ask; more requests wait their turn instead of taking every core.
/// </summary>
public sealed class ReplayFrameGate : IDisposable
{
    /// <summary>Re-simulations at once: 2.</summary>
    public const int Concurrency = 2;

    private readonly SemaphoreSlim _slots = new(Concurrency, Concurrency);

    /// <summary>Runs <paramref name="work"/> once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
