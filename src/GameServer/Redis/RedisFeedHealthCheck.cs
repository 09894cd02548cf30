using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Redis;

/// <summary>
/// Degraded while Redis is unreachable: matches play on and the feed's events wait on this node, but the cluster does
/// not see them. Tagged for liveness only, since this node still serves its own players.
/// </summary>
internal sealed class RedisFeedHealthCheck(RedisFeedLog log) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!log.IsRedisReachable)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Redis at {log.RedisEndpoints} is unreachable: matches play on here; {log.HeldEvents} spectator feed events wait for it."));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Redis at {log.RedisEndpoints} answers."));
    }
}
