namespace GameServer.Spectators;

/// <summary>
/// Wakes every waiting spectator at once: each waits on the current generation's task, and a pulse completes it
/// and starts the next. Only the pump pulses, so waking thousands of spectators never costs a tick anything.
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _current = NewGeneration();

    /// <summary>Completes when something happens after this property was read.</summary>
    public Task Changed => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, NewGeneration()).TrySetResult();

    // Continuations run on the thread pool, not inside Pulse, so the pump is not held up by any one spectator.
    private static TaskCompletionSource NewGeneration() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
