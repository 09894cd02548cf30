namespace GameServer.LoadTest;

/// <summary>What a bot does once it has joined.</summary>
public enum Behaviour
{
    /// <summary>Moves, aims and fires at random, sending inputs at the configured rate.</summary>
    Play,

    /// <summary>Sends no inputs; only listens (and pings, unless the ping rate is 0).</summary>
    Idle,
}
