namespace GameServer.Protocol;

/// <summary>Where a match is in its lifecycle.</summary>
public enum MatchPhase : byte
{
    /// <summary>Waiting for enough players.</summary>
    Waiting = 0,

    /// <summary>Enough players: counting down to the start.</summary>
    Countdown = 1,

    /// <summary>Playing.</summary>
    Running = 2,

    /// <summary>Over: final standings are shown until the match closes.</summary>
    Ended = 3,
}
