using GameServer.Admission;
using GameServer.Connections;
using GameServer.Spectators;
using GameServer.Ticking;

namespace GameServer.Admin;

/// <summary>Takes the node's <see cref="AdminSample"/>: gauges read now, rates over the time since the last sample. The sampler's thread only.</summary>
internal sealed class NodeSampler(MeterReadings meters, MatchStats matchStats, ConnectionRegistry connections,
    SpectatorRegistry spectators, TickLoop ticks, NodeDrain drain, TimeProvider time)
{
    private readonly long[] _shardTicks = new long[ticks.ShardCount];
    private readonly long[] _shardOverruns = new long[ticks.ShardCount];
    private long _lastAt = time.GetTimestamp();
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    public AdminSample Take()
    {
        long now = time.GetTimestamp();
        double seconds = time.GetElapsedTime(_lastAt, now).TotalSeconds;
        _lastAt = now;
        TimeSpan cpu = Environment.CpuUsage.TotalTime;
        double cpuPercent = seconds > 0 ? Math.Round((cpu - _lastCpu).TotalSeconds / seconds * 100, 1) : 0;
        _lastCpu = cpu;

        matchStats.Sample(now);
        List<AdminMatch> live = matchStats.Matches();
        int players = 0;
        foreach (AdminMatch match in live)
        {
            players += match.Players;
        }

        return new AdminSample(
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            drain.IsDraining,
            players,
            live.Count,
            connections.Count,
            spectators.Count,
            meters.BytesReceived.PerSecond(seconds),
            meters.BytesSent.PerSecond(seconds),
            meters.DroppedDeltas.PerSecond(seconds),
            meters.Resyncs.PerSecond(seconds),
            meters.RefusedJoins.PerSecond(seconds),
            GC.GetTotalMemory(forceFullCollection: false),
            cpuPercent,
            Shards(seconds),
            live);
    }

    private List<ShardSample> Shards(double seconds)
    {
        var shards = new List<ShardSample>(ticks.ShardCount);
        for (int i = 0; i < ticks.ShardCount; i++)
        {
            TickShard shard = ticks.GetShard(i);
            long ticksRun = shard.TicksRun;
            long overruns = shard.Overruns;
            (double p50, double p99) = meters.TickDurations.Percentiles(i, ticksRun - _shardTicks[i]);
            long overrunsPerSecond = seconds > 0 ? (long)Math.Round((overruns - _shardOverruns[i]) / seconds) : 0;
            _shardTicks[i] = ticksRun;
            _shardOverruns[i] = overruns;
            shards.Add(new ShardSample(i, Math.Round(p50, 3), Math.Round(p99, 3), overrunsPerSecond));
        }

        return shards;
    }
}
