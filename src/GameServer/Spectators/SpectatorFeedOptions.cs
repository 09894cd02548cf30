using System.ComponentModel.DataAnnotations;

namespace GameServer.Spectators;

/// <summary>Settings of the spectator feed over Server-Sent Events (configuration section "Spectators").</summary>
public sealed class SpectatorFeedOptions
{
    public const string Section = "Spectators";

    /// <summary>Events kept for resumption with Last-Event-ID; a spectator further behind is reset. Default 1024.</summary>
    [Range(1, 1_048_576, ErrorMessage = "Spectators:ReplayBufferEvents must be between 1 and 1048576 events.")]
    public int ReplayBufferEvents { get; set; } = 1024;

    /// <summary>How long a stream may stay silent before it gets a heartbeat comment. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Spectators:HeartbeatInterval must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most <c>score</c> events per second per match; standings changes in between are coalesced. Default 4.</summary>
    [Range(1, 240, ErrorMessage = "Spectators:ScoreEventsPerSecond must be between 1 and 240.")]
    public int ScoreEventsPerSecond { get; set; } = 4;

    /// <summary>How often each node sends <c>/events</c> a <c>summary</c> of its live matches. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Spectators:SummaryInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest time between two passes of the feed's pump; what the matches publish meanwhile goes out in one
    /// pass. Default 33 ms, one tick at 30 Hz: each match publishes after its tick, and a pass per publish woke the
    /// pump several times a tick, each time taking the core from the tick.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Spectators:PassInterval must be between 00:00:00 and 00:00:01.")]
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMilliseconds(33);

    /// <summary>The reconnection delay a stream asks its client for (the <c>retry:</c> field). Default 3 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Spectators:RetryInterval must be between 00:00:00 and 00:10:00.")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(3);
}
