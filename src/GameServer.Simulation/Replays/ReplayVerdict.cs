namespace GameServer.Simulation.Replays;

/// <summary>The result of <see cref="Replayer.Run"/>, with one line for a person in <see cref="Message"/>.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Tick">The last tick replayed (Ok), or the tick where the replay diverged or failed.</param>
/// <param name="HashesChecked">How many recorded hashes matched.</param>
/// <param name="Message">One line: what matched, or what differs and where.</param>
public sealed record ReplayVerdict(ReplayOutcome Outcome, uint Tick, int HashesChecked, string Message)
{
    /// <summary>The recording's first record, once read: what the match was.</summary>
    public ReplayStart? Start { get; init; }
}
