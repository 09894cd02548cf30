using GameServer.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GameServer.Tests.Health;

public sealed class AdmissionHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_ServerStopping_IsDegraded()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        var check = new AdmissionHealthCheck(new FakeAdmission(), new Lifetime(stopping.Token));

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("stopping", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_OpenAndRunning_IsHealthy()
    {
        var check = new AdmissionHealthCheck(new FakeAdmission(), new Lifetime(CancellationToken.None));

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private sealed class Lifetime(CancellationToken stopping) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
