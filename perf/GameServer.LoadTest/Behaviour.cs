namespace GameServer.LoadTest;

/// <summary>What a bot does once it has joined.</summary>
public enum Behaviour
{
    /// <summary>
    /// Plays, sending inputs at the configured rate: in Arena it moves, aims and fires at random; in Tag "it" chases the
    /// nearest player who is not immune and the others flee from "it" (Tag/TagSteering.cs).
    /// </summary>
    Play,

    /// <summary>Sends no inputs; only listens (and pings, unless the ping rate is 0).</summary>
    Idle,
}
