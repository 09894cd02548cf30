using System.ComponentModel.DataAnnotations;

namespace GameServer.Replays;

/// <summary>Settings of the flight recorder (configuration section "Replays"; docs/replays.md).</summary>
public sealed class ReplayOptions
{
    public const string Section = "Replays";

    /// <summary>Whether matches are recorded. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where replay files go; a relative path is under the content root. Default "data/replays".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Replays:Folder must name a folder for replay files (or set Replays:Enabled to false).")]
    public string Folder { get; set; } = "data/replays";

    /// <summary>A match's recording stops (and is counted as dropped) at this size. Default 16 MiB, hours of a full match.</summary>
    [Range(1024L, 1L << 32, ErrorMessage = "Replays:MaxBytesPerMatch must be between 1024 and 4294967296 bytes.")]
    public long MaxBytesPerMatch { get; set; } = 16L << 20;

    /// <summary>The most replay files kept; the oldest go first. Default 1000.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Replays:MaxFiles must be between 1 and 1000000.")]
    public int MaxFiles { get; set; } = 1000;

    /// <summary>Replays older than this are deleted. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "Replays:MaxAge must be between 00:01:00 and 3650.00:00:00.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);
}
