namespace GameServer.LoadTest.Reporting;

/// <summary>What the churn (<c>--churn</c>) did: bots dropped without a close frame and how they came back.</summary>
public sealed class ChurnSummary
{
    /// <summary>The fraction of the bots dropped per minute that the run asked for.</summary>
    public double PerMinute { get; init; }

    public long Drops { get; init; }

    /// <summary>Connects after a drop.</summary>
    public long Reconnects { get; init; }

    /// <summary>Reconnects welcomed back as the same player.</summary>
    public long Resumes { get; init; }

    /// <summary>Resumes answered with Error 5 or with another player (also counted in the errors).</summary>
    public long ResumesRejected { get; init; }

    /// <summary>The shortest time between two connects of one bot; -1 when no bot reconnected.</summary>
    public double MinReconnectIntervalMs { get; init; }

    /// <summary>Reconnects less than a second after the same bot's previous connect; the run fails on any.</summary>
    public long ReconnectsUnderOneSecond { get; init; }
}
