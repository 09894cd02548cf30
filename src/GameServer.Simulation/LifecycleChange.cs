namespace GameServer.Simulation;

/// <summary>What <see cref="MatchLifecycle.Advance"/> asks of the game this tick.</summary>
public enum LifecycleChange
{
    None,

    /// <summary>Running has begun: start the round.</summary>
    Started,

    /// <summary>Ended has begun: freeze the round and announce the result.</summary>
    Ended,
}
