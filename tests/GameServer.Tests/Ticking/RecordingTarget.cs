using GameServer.Ticking;

namespace GameServer.Tests.Ticking;

/// <summary>A tick target that counts its ticks and runs an optional action on each, given the tick's number (from 1).</summary>
internal sealed class RecordingTarget(Func<int, bool>? onTick = null) : ITickTarget
{
    private int _ticks;
    private int _failures;

    public int Ticks => Volatile.Read(ref _ticks);

    public int Failures => Volatile.Read(ref _failures);

    public Exception? Failure { get; private set; }

    public bool RunTick()
    {
        var tick = Interlocked.Increment(ref _ticks);
        return onTick is null || onTick(tick);
    }

    public void OnTickFailed(Exception exception)
    {
        Failure = exception;
        Interlocked.Increment(ref _failures);
    }
}
