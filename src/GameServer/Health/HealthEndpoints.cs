using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Health;

/// <summary>
/// <c>/health</c> (liveness: 200 for Healthy and Degraded, 503 for Unhealthy) and <c>/health/ready</c> (readiness for a
/// load balancer: 200 only when Healthy, 503 while refusing players, stopping or unhealthy), both through ASP.NET
/// Core's health checks, both answering the JSON of <see cref="HealthJson"/>.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tags a check that <c>/health</c> reports but readiness ignores: what it watches does not stop this node serving its players.</summary>
    public const string LivenessOnlyTag = "liveness-only";

    public static IServiceCollection AddGameServerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<TickHealthCheck>("ticking")
            .AddCheck<AdmissionHealthCheck>("admission");
        return services;
    }

    public static void MapGameServerHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            ResponseWriter = HealthJson.WriteAsync,
            Predicate = static check => !check.Tags.Contains(LivenessOnlyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
    }
}
