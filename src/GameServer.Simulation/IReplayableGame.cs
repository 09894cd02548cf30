namespace GameServer.Simulation;

/// <summary>
/// A game as replays name it: its name and its settings as bytes in the recording, and how a match is rebuilt from
/// them, so a replay is re-simulated with the rules it was played by, whatever the replaying server's own settings.
/// </summary>
public interface IReplayableGame
{
    /// <summary>The name recordings carry, such as "arena".</summary>
    string Name { get; }

    /// <summary>The settings of the matches this instance describes, in the game's own encoding.</summary>
    byte[] Settings { get; }

    /// <summary>Creates a match like the recorded one.</summary>
    /// <exception cref="ArgumentException">The settings are not this game's or are out of range.</exception>
    IMatchSimulation Create(uint id, ulong seed, ReadOnlySpan<byte> settings);
}
