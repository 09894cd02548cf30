using GameServer.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GameServer.Tests.Health;

public sealed class AdmissionHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_RefusingPlayers_IsDegradedWithTheReason()
    {
        var admission = new FakeAdmission();
        admission.Refuse("The server is stopping.");
        var check = new AdmissionHealthCheck(admission);

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Refusing new players: The server is stopping.", result.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_OpenAndRunning_IsHealthy()
    {
        var check = new AdmissionHealthCheck(new FakeAdmission());

        HealthCheckResult result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }
}
