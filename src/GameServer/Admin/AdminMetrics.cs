using System.Diagnostics.Metrics;
using GameServer.Diagnostics;

namespace GameServer.Admin;

/// <summary>The admin API's instruments, on the "GameServer" meter; there (at zero) whether the console is on or not.</summary>
public sealed class AdminMetrics
{
    private readonly Counter<long> _authFailures;

    public AdminMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(GameServerMeter.Name);
        _authFailures = meter.CreateCounter<long>("gameserver.admin.auth_failures",
            description: "Admin API requests refused for a missing or wrong token.");
    }

    public void AuthFailed() => _authFailures.Add(1);

    /// <summary>Records a zero, so the series exists from start.</summary>
    internal void RecordZeros() => _authFailures.Add(0);
}
