using System.ComponentModel.DataAnnotations;

namespace GameServer.Ticking;

/// <summary>Settings of the fixed-rate tick loop, bound from the configuration section "Tick".</summary>
public sealed class TickOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Tick";

    /// <summary>Ticks per second every match runs at. Default 30.</summary>
    [Range(1, 240, ErrorMessage = "Tick:TickRate must be between 1 and 240 ticks per second.")]
    public int TickRate { get; set; } = 30;

    /// <summary>The most ticks a late shard runs back to back before it skips the rest and restarts its schedule. Default 3.</summary>
    [Range(1, 100, ErrorMessage = "Tick:MaxCatchUpTicks must be between 1 and 100; it caps the ticks a late shard runs back to back (1 never catches up).")]
    public int MaxCatchUpTicks { get; set; } = 3;

    /// <summary>Threads the matches are spread over. Default 0: one per processor.</summary>
    [Range(0, 1024, ErrorMessage = "Tick:ShardCount must be between 0 and 1024; 0 means one shard per processor.")]
    public int ShardCount { get; set; }

    /// <summary>The shard count in effect: <see cref="ShardCount"/>, or the processor count when it is 0.</summary>
    internal int EffectiveShardCount => ShardCount == 0 ? Environment.ProcessorCount : ShardCount;
}
