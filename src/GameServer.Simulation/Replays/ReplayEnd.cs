namespace GameServer.Simulation.Replays;

/// <summary>How a recording ended.</summary>
/// <param name="Tick">The last tick recorded.</param>
/// <param name="EndedUnixMs">When the recording ended, in Unix milliseconds.</param>
/// <param name="Reason">Why.</param>
/// <param name="Players">How many players joined the match while it was recorded.</param>
public readonly record struct ReplayEnd(uint Tick, long EndedUnixMs, ReplayEndReason Reason, int Players);
