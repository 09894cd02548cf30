using GameServer.Admission;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Health;

/// <summary>Degraded while the server refuses new players, or is stopping: it works, but a load balancer should send players elsewhere.</summary>
internal sealed class AdmissionHealthCheck(IPlayerAdmission admission, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The server is stopping."));
        }

        if (admission.IsRefusingPlayers)
        {
            return Task.FromResult(HealthCheckResult.Degraded("Refusing new players: " + (admission.RefusalReason ?? "no reason given") + "."));
        }

        return Task.FromResult(HealthCheckResult.Healthy("Taking players."));
    }
}
