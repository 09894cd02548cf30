using GameServer.Admission;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Health;

/// <summary>Degraded while the server refuses new players (full, overrunning or stopping): it works, but a load balancer should send players elsewhere.</summary>
internal sealed class AdmissionHealthCheck(IPlayerAdmission admission) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        return Task.FromResult(admission.RefusalReason is string reason
            ? HealthCheckResult.Degraded("Refusing new players: " + reason)
            : HealthCheckResult.Healthy("Taking players."));
    }
}
