namespace GameServer.Simulation;

/// <summary>
/// The lifecycle a match goes through, for any game to reuse: Waiting (until enough players) → Countdown (back to
/// Waiting when too few remain) → Running (until the time limit, the game's own end, or nobody left) → Ended (the
/// end screen) → closed. It keeps the phase and the ticks left; the game keeps its state and does what a change asks.
/// </summary>
/// <param name="minPlayersToStart">Players needed to count down.</param>
/// <param name="countdownTicks">Ticks of Countdown; 0 starts at once.</param>
/// <param name="timeLimitTicks">Ticks of Running; 0 for no limit.</param>
/// <param name="endedTicks">Ticks of the end screen; 0 closes at once.</param>
public sealed class MatchLifecycle(int minPlayersToStart, int countdownTicks, int timeLimitTicks, int endedTicks)
{
    public MatchPhase Phase { get; private set; }

    /// <summary>Ticks until the phase changes by itself (countdown, time limit, end screen); 0 when none is due.</summary>
    public uint PhaseTicksLeft { get; private set; }

    /// <summary>True once the end screen has run out: the match may be removed.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Moves the lifecycle one tick on, at the end of a step.</summary>
    /// <param name="players">The players in the match now.</param>
    /// <param name="endNow">The game's own end while running (a score limit reached).</param>
    /// <returns>Started when the game must start its round (reset, spawn), Ended when it must end it (freeze, announce).</returns>
    public LifecycleChange Advance(int players, bool endNow = false)
    {
        switch (Phase)
        {
            case MatchPhase.Waiting:
                if (players >= minPlayersToStart)
                {
                    return StartCountdown();
                }

                break;
            case MatchPhase.Countdown:
                if (players < minPlayersToStart)
                {
                    Phase = MatchPhase.Waiting;
                    PhaseTicksLeft = 0;
                }
                else if (--PhaseTicksLeft == 0)
                {
                    return Start();
                }

                break;
            case MatchPhase.Running:
                // A match nobody plays in ends at once rather than holding the host's resources until the time limit.
                bool timeUp = timeLimitTicks > 0 && --PhaseTicksLeft == 0;
                if (timeUp || endNow || players == 0)
                {
                    return End();
                }

                break;
            case MatchPhase.Ended:
                IsClosed = --PhaseTicksLeft == 0;
                break;
        }

        return LifecycleChange.None;
    }

    private LifecycleChange StartCountdown()
    {
        if (countdownTicks == 0)
        {
            return Start();
        }

        Phase = MatchPhase.Countdown;
        PhaseTicksLeft = (uint)countdownTicks;
        return LifecycleChange.None;
    }

    private LifecycleChange Start()
    {
        Phase = MatchPhase.Running;
        PhaseTicksLeft = (uint)timeLimitTicks;
        return LifecycleChange.Started;
    }

    private LifecycleChange End()
    {
        Phase = MatchPhase.Ended;
        PhaseTicksLeft = (uint)endedTicks;
        IsClosed = endedTicks == 0;
        return LifecycleChange.Ended;
    }
}
