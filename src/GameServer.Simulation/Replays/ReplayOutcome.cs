namespace GameServer.Simulation.Replays;

/// <summary>What re-simulating a replay found.</summary>
public enum ReplayOutcome
{
    /// <summary>Every recorded hash matched.</summary>
    Ok,

    /// <summary>The re-simulation diverged from the recording: a hash, a join's id or a tick differs.</summary>
    Mismatch,

    /// <summary>The simulation threw while replaying (as it may have on the server: the bug to reproduce).</summary>
    Failed,

    /// <summary>The file is truncated, corrupted, or of a game this build does not have.</summary>
    Unreadable,
}
