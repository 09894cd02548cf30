namespace GameServer.Admin;

/// <summary>A tick shard's last second: its tick durations' median and 99th percentile (0 while idle), and its overruns.</summary>
public sealed record ShardSample(int Shard, double TickP50Ms, double TickP99Ms, long OverrunsPerSecond);
