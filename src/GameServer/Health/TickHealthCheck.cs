using GameServer.Ticking;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Health;

/// <summary>
/// Unhealthy when a tick shard has stalled (no tick ended for a second, or five periods at low tick rates) or keeps
/// overrunning (more than half of its ticks of the last three seconds took longer than the period).
/// </summary>
internal sealed class TickHealthCheck(TickLoop loop, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan s_minimumStall = TimeSpan.FromSeconds(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        TimeSpan stallAfter = loop.Period * 5 > s_minimumStall ? loop.Period * 5 : s_minimumStall;
        for (int i = 0; i < loop.ShardCount; i++)
        {
            TickShard shard = loop.GetShard(i);
            TimeSpan sinceLastTick = time.GetElapsedTime(shard.LastTickTimestamp);
            if (shard.IsIdle)
            {
                continue;
            }

            if (shard.Stopped.IsCompleted)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"Tick shard {i} has stopped."));
            }

            if (sinceLastTick > stallAfter)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"Tick shard {i} has not finished a tick for {sinceLastTick.TotalMilliseconds:F0} ms: a match is stuck in its tick."));
            }

            int overruns = shard.RecentOverruns;
            if (overruns * 2 > shard.RecentTicks)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"Tick shard {i} overran {overruns} of its last {shard.RecentTicks} ticks: it is overloaded."));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{loop.ShardCount} tick shards on time."));
    }
}
