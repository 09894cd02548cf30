namespace GameServer.Admin;

/// <summary>One second of the node, as <c>/admin/api/node</c> and the admin stream show it (protocol.md, "Admin API").</summary>
/// <param name="T">When it was taken, Unix time in milliseconds.</param>
/// <param name="CpuPercent">The process's CPU over the last second, in percent of one core.</param>
public sealed record AdminSample(
    long T,
    bool Draining,
    int Players,
    int Matches,
    int Connections,
    int Spectators,
    long BytesInPerSecond,
    long BytesOutPerSecond,
    long DroppedDeltasPerSecond,
    long ResyncsPerSecond,
    long RefusedJoinsPerSecond,
    long GcHeapBytes,
    double CpuPercent,
    IReadOnlyList<ShardSample> Shards,
    IReadOnlyList<AdminMatch> LiveMatches);
