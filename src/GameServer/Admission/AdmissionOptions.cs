using System.ComponentModel.DataAnnotations;

namespace GameServer.Admission;

/// <summary>When the server turns new players away (configuration section "Admission").</summary>
public sealed class AdmissionOptions : IValidatableObject
{
    public const string Section = "Admission";

    /// <summary>Player connections the server holds at most; the next upgrade gets 503. Default 10000.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Admission:MaxPlayers must be between 1 and 1000000.")]
    public int MaxPlayers { get; set; } = 10_000;

    /// <summary>
    /// Share of its period a tick shard may spend in its ticks, over the last ~3 s, before new players are turned
    /// away, in percent. Default 90: past that the ticks overrun and skip at the first disturbance (the joins' own
    /// work, a neighbour on the core), while the overruns alone came too seldom to be the signal
    /// (perf/RESULTS.md, "Admission: how full a shard is").
    /// </summary>
    [Range(10, 100, ErrorMessage = "Admission:BusyPercent must be between 10 and 100.")]
    public int BusyPercent { get; set; } = 90;

    /// <summary>
    /// Once a shard turned new players away, they are let in again only when its share is back down to this, in
    /// percent (and its overruns under <see cref="OverrunPercent"/>). Default 75: at capacity the share hovers about
    /// <see cref="BusyPercent"/>, and every dip under it let in players who stayed (perf/RESULTS.md, "Connections met
    /// on the loop").
    /// </summary>
    [Range(1, 99, ErrorMessage = "Admission:ReopenBusyPercent must be between 1 and 99.")]
    public int ReopenBusyPercent { get; set; } = 75;

    /// <summary>
    /// Share of a tick shard's last ticks (about 3 s) that may overrun before new players are turned away, in percent.
    /// Default 10: a server that starts missing ticks keeps them for the matches it runs.
    /// </summary>
    [Range(1, 100, ErrorMessage = "Admission:OverrunPercent must be between 1 and 100.")]
    public int OverrunPercent { get; set; } = 10;

    /// <summary>What a refused client is told to wait before it tries again (Retry-After). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Admission:RetryAfter must be between 00:00:01 and 00:10:00.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReopenBusyPercent >= BusyPercent)
        {
            yield return new ValidationResult("Admission:ReopenBusyPercent must be below Admission:BusyPercent.",
                [nameof(ReopenBusyPercent), nameof(BusyPercent)]);
        }
    }
}
