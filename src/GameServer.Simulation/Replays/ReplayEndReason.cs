namespace GameServer.Simulation.Replays;

/// <summary>Why a recording ended.</summary>
public enum ReplayEndReason
{
    /// <summary>The match ended and the recording holds all of it.</summary>
    MatchEnded = 0,

    /// <summary>The recording reached its size bound and stopped; the match went on unrecorded.</summary>
    SizeLimit = 1,
}
