namespace GameServer.Ticking;

/// <summary>Something the tick loop runs once per tick on one shard's thread: in practice, a match.</summary>
public interface ITickTarget
{
    /// <summary>Runs one tick.</summary>
    /// <returns>False when the target is finished; the loop then drops it.</returns>
    bool RunTick();

    /// <summary>Called on the shard's thread when <see cref="RunTick"/> threw; the loop then drops the target.</summary>
    void OnTickFailed(Exception exception);
}
